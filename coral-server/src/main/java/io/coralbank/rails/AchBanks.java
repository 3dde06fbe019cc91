package io.coralbank.rails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The banks the local ACH network reaches, each in the currencies it clears. */
@Component
public class AchBanks {

  private final JdbcClient jdbc;

  AchBanks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the ACH reaches {@code bankCode} in {@code currency}. */
  public boolean reaches(String bankCode, String currency) {
    return jdbc.sql(
            "select exists (select 1 from ach_banks where bank_code = :bank and currency ="
                + " :currency)")
        .param("bank", bankCode)
        .param("currency", currency)
        .query(Boolean.class)
        .single();
  }
}
