package io.coralbank.dialect.bcb;

import org.springframework.http.MediaType;

/** The representations BCB endpoints offer by {@code Accept}. */
final class BcbMediaTypes {

  static final String TEXT_CSV_VALUE = "text/csv";
  static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

  private BcbMediaTypes() {}
}
