package io.coralbank.rails;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/** IBANs as a rail accepts them: the country's format and the ISO 7064 check digits (iban4j). */
public final class Ibans {

  private Ibans() {}

  /**
   * The IBAN in its electronic form (no spaces, upper case) when it is valid; empty otherwise.
   * Spaces as printed on paper ({@code DE89 3704 ...}) are accepted.
   */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String iban = text.replace(" ", "").toUpperCase(Locale.ROOT);
    try {
      IbanUtil.validate(iban);
      return Optional.of(iban);
    } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException bad) {
      return Optional.empty();
    }
  }
}
