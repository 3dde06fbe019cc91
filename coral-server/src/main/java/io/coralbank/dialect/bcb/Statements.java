package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.PostingPage;
import io.coralbank.ledger.PostingView;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An account's statement as BCB pages it: a date range in {@code yyyy-MM-dd} or {@code yyyyMMdd}
 * (both ends inclusive, at most a year), newest first, with signed, stable page tokens. Shared by
 * accounts and virtual accounts, which differ only in who may read them.
 */
@Component
class Statements {

  private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int MAXIMUM_RANGE_DAYS = 366;

  private final Accounts accounts;
  private final LedgerReader ledger;
  private final AssetCatalogue assets;
  private final BcbPageTokens tokens;
  private final Clock clock;

  Statements(
      Accounts accounts,
      LedgerReader ledger,
      AssetCatalogue assets,
      BcbPageTokens tokens,
      Clock clock) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.tokens = tokens;
    this.clock = clock;
  }

  BcbList<AccountViews.Transaction> page(
      Account account,
      Caller caller,
      String fromDate,
      String toDate,
      Integer pageStart,
      Integer pageSize,
      String pageToken) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), BcbTime.BERMUDA);
    LocalDate to = toDate == null ? today : date("toDate", toDate);
    LocalDate from = fromDate == null ? to.minusDays(30) : date("fromDate", fromDate);
    if (from.isAfter(to)) {
      throw new RequestRefused(FailureKind.MALFORMED_REQUEST, "fromDate must not be after toDate.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAXIMUM_RANGE_DAYS) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "The date range must not exceed one year.");
    }
    Instant start = from.atStartOfDay(BcbTime.BERMUDA).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(BcbTime.BERMUDA).toInstant();
    String fingerprint =
        "transactions:" + caller.customerId() + ":" + account.number() + ":" + from + ":" + to;
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    long bound =
        paging.token() != null ? paging.token().bound() : ledger.lastPostingId(account.id());
    long total = ledger.countPostings(account.id(), start, end, bound);
    List<PostingView> postings;
    PostingPage.Cursor next;
    if (paging.pageStart() == 1 || paging.continuesToken()) {
      PostingPage page =
          ledger.postings(
              account.id(),
              start,
              end,
              bound,
              PostingPage.Order.NEWEST_FIRST,
              paging.continuesToken() ? cursor(paging.token().position()) : null,
              paging.pageSize());
      postings = page.items();
      next = page.next();
    } else {
      postings =
          ledger.postingsAt(account.id(), start, end, bound, paging.offset(), paging.pageSize());
      next =
          paging.offset() + postings.size() < total && !postings.isEmpty()
              ? new PostingPage.Cursor(postings.getLast().postedAt(), postings.getLast().id())
              : null;
    }
    Map<Long, String> others =
        accounts.numbersOf(postings.stream().map(PostingView::counterpartyAccountId).toList());
    Asset asset = asset(account);
    List<AccountViews.Transaction> data =
        postings.stream()
            .map(
                posting ->
                    new AccountViews.Transaction(
                        posting.transactionId(),
                        new AccountViews.AccountReference(account.number()),
                        new AccountViews.AccountReference(
                            others.get(posting.counterpartyAccountId())),
                        new AccountViews.TransactionDetails(
                            posting.amount() < 0 ? "Debit" : "Credit",
                            posting.description(),
                            new AccountViews.Amount(
                                Amounts.format(Math.abs(posting.amount()), asset),
                                account.currency()),
                            BcbTime.format(posting.postedAt()))))
            .toList();
    String token =
        next == null
            ? null
            : tokens.issue(
                new BcbPageTokens.Token(
                    paging.pageSize(),
                    paging.pageStart() + 1,
                    bound,
                    next.postedAt() + "~" + next.id(),
                    fingerprint));
    return new BcbList<>(
        new BcbList.Meta(
            new BcbList.Pagination(paging.pageStart(), paging.pageSize(), total, token)),
        data);
  }

  /** The keyset position a token carries: the last posting of the previous page. */
  private static PostingPage.Cursor cursor(String position) {
    int separator = position.indexOf('~');
    return new PostingPage.Cursor(
        Instant.parse(position.substring(0, separator)),
        Long.parseLong(position.substring(separator + 1)));
  }

  static LocalDate date(String name, String text) {
    try {
      return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, COMPACT_DATE);
    } catch (DateTimeParseException invalid) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, name + " must be a date as yyyy-MM-dd or yyyyMMdd.");
    }
  }

  private Asset asset(Account account) {
    return assets.find(account.currency()).orElseThrow();
  }
}
