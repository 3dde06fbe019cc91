package io.coralbank.virtualaccounts;

import java.time.LocalDate;

/**
 * One Sub account to open, as the client described it (already checked for shape).
 *
 * @param unallocated opened for later allocation: the names are set once, later
 */
public record VirtualAccountItem(
    String currency,
    String accountHolderName,
    String accountName,
    String clientReference,
    boolean unallocated,
    LocalDate dob,
    String nativeLanguageName) {}
