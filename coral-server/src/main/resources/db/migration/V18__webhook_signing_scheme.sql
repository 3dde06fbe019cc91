-- Module events: how deliveries to an endpoint are signed when a dialect offers more than one
-- scheme (BCB: HMAC with the client's secret by default, or RSA-PSS with the bank's JWKS key).
alter table webhook_endpoints add column signing_scheme text;
