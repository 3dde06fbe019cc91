package io.coralbank.dialect.cayman;

import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.web.JsonAmounts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/** Cayman's money and time on the wire: decimal strings at the asset's scale; UTC ISO-8601. */
final class CaymanAmounts {

  private CaymanAmounts() {}

  static Asset asset(AssetCatalogue assets, String code, String field) {
    if (code == null || code.isBlank()) {
      throw CaymanRefusal.invalid(field + " is required.");
    }
    return assets
        .find(code)
        .filter(asset -> asset.code().equals(code.toUpperCase(java.util.Locale.ROOT)))
        .orElseThrow(() -> CaymanRefusal.invalid(field + " is not a currency Coral holds."));
  }

  /** A positive amount with at most the asset's decimals; "Invalid amount" otherwise. */
  static long parse(JsonNode amount, Asset asset) {
    String text = JsonAmounts.text(amount);
    if (text == null) {
      throw CaymanRefusal.invalid("amount is required.");
    }
    long parsed;
    try {
      parsed = Amounts.parse(text, asset);
    } catch (InvalidAmountException invalid) {
      throw CaymanRefusal.invalid("Invalid amount: " + invalid.getMessage() + ".");
    }
    if (parsed == 0) {
      throw CaymanRefusal.invalid("Invalid amount: it must be positive.");
    }
    return parsed;
  }

  static String format(long amount, Asset asset) {
    return Amounts.format(amount, asset);
  }

  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
