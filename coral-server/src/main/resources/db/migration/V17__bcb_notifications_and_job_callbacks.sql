-- Module events: headers a client asked to have echoed on every delivery to an endpoint (BCB's
-- customHeaders), and which endpoint receives a job's completion callback.
alter table webhook_endpoints add column custom_headers text;
alter table jobs add column callback_endpoint_id text references webhook_endpoints (id);
