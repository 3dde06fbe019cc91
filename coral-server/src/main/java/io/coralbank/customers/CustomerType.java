package io.coralbank.customers;

/** Whether a customer is a company or a person. */
public enum CustomerType {
  CORPORATE,
  INDIVIDUAL
}
