package io.coralbank.virtualaccounts;

import io.coralbank.accounts.Account;
import java.time.LocalDate;

/**
 * A Settlement, Parent or Sub account as the virtual-account service shows it: the account and, for
 * a Sub, what the client said of its holder.
 */
public record VirtualAccount(
    Account account,
    String clientReference,
    String accountHolderName,
    String accountName,
    LocalDate dob,
    String nativeLanguageName,
    boolean unallocated) {}
