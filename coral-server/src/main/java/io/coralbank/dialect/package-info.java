/**
 * The dialect adapters: one package per public API Coral speaks, plus Coral's own admin API.
 *
 * <p>A dialect translates only: it parses and validates the shape of a request, authenticates,
 * calls the core, and renders the answer with the documentation's own names. It holds no business
 * rule, and it never imports another dialect.
 */
package io.coralbank.dialect;
