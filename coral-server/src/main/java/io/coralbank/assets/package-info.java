/**
 * The assets the bank holds: ISO 4217 currencies with their minor units and the crypto assets
 * configured with their scale. Every module asks this catalogue for an asset's scale.
 *
 * <p>It owns no table and holds no balance.
 */
package io.coralbank.assets;
