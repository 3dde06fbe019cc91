package io.coralbank.bench;

/** The BCB internal-transfer body the crash and multi-node tests send. */
final class CrashTestBodies {

  private CrashTestBodies() {}

  static String transfer(String from, String to, long amountInCents) {
    return "{\"debitAccountNumber\": \""
        + from
        + "\", \"debitAmountCurrency\": \"USD\","
        + " \"creditAccountNumber\": \""
        + to
        + "\", \"creditAmountCurrency\": \"USD\","
        + " \"debitAmount\": \""
        + java.math.BigDecimal.valueOf(amountInCents, 2).toPlainString()
        + "\"}";
  }
}
