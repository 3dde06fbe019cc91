package io.coralbank.events;

import io.coralbank.platform.CoralMode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs Coral will POST events to. In production a webhook must be {@code https} and its host
 * must not resolve to a loopback, private, link-local, multicast or unspecified address, so a
 * client cannot make the bank's servers call into the bank's own network (server-side request
 * forgery); the check runs at registration and again before every attempt, since DNS can change. A
 * sandbox runs beside the integrator's receiver, so there {@code http} and local addresses are
 * allowed.
 */
public final class WebhookUrls {

  private WebhookUrls() {}

  /** Why {@code url} may not receive webhooks in {@code mode}, or empty when it may. */
  public static Optional<String> problem(String url, CoralMode mode) {
    if (url == null || url.isBlank() || url.length() > 2048) {
      return Optional.of("url must be an absolute http(s) URL of at most 2048 characters.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException malformed) {
      return Optional.of("url is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("url must be an absolute http(s) URL of at most 2048 characters.");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("url must not carry credentials.");
    }
    if (mode == CoralMode.SANDBOX) {
      return Optional.empty();
    }
    if (!scheme.equals("https")) {
      return Optional.of("url must use https.");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isMulticastAddress()
            || address.isAnyLocalAddress()
            || isUniqueLocal(address)) {
          return Optional.of("url must not point into a private network.");
        }
      }
    } catch (UnknownHostException unknown) {
      return Optional.of("url's host does not resolve.");
    }
    return Optional.empty();
  }

  /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }
}
