package io.coralbank.kernel.money;

/**
 * An exact amount of an asset: a count of its minor units. Arithmetic refuses to mix assets and
 * throws {@link ArithmeticException} on overflow rather than wrapping.
 */
public record Money(Asset asset, long minorUnits) {

  public Money {
    if (asset == null) {
      throw new IllegalArgumentException("Money needs an asset");
    }
  }

  public static Money parse(String text, Asset asset) throws InvalidAmountException {
    return new Money(asset, Amounts.parse(text, asset));
  }

  public Money plus(Money other) {
    return new Money(asset, Math.addExact(minorUnits, sameAsset(other).minorUnits));
  }

  public Money minus(Money other) {
    return new Money(asset, Math.subtractExact(minorUnits, sameAsset(other).minorUnits));
  }

  public boolean isPositive() {
    return minorUnits > 0;
  }

  private Money sameAsset(Money other) {
    if (!asset.equals(other.asset)) {
      throw new IllegalArgumentException("Cannot combine " + asset + " with " + other.asset);
    }
    return other;
  }

  /** The amount with the asset's decimal places, such as {@code 250.00}. */
  public String toDecimalString() {
    return Amounts.format(minorUnits, asset);
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + asset.code();
  }
}
