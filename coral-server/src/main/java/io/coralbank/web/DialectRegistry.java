package io.coralbank.web;

import io.coralbank.platform.CoralProperties;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every dialect with its configured base path, and which dialect a request path belongs to. The
 * longest matching base path wins, so a dialect served at "/" does not swallow the others.
 */
@Component
public class DialectRegistry {

  private static final DialectSurface OUTSIDE_ANY_DIALECT = new CoralSurface();

  private final List<MountedDialect> dialects;

  DialectRegistry(List<DialectSurface> surfaces, CoralProperties properties) {
    Set<String> basePaths = new HashSet<>();
    this.dialects =
        surfaces.stream()
            .map(surface -> new MountedDialect(surface, basePath(surface, properties)))
            .peek(
                mounted -> {
                  if (!basePaths.add(mounted.basePath())) {
                    throw new IllegalStateException(
                        "Two dialects are configured at the base path " + mounted.displayPath());
                  }
                })
            .sorted(
                Comparator.comparingInt((MountedDialect mounted) -> mounted.basePath().length())
                    .reversed())
            .toList();
  }

  private static String basePath(DialectSurface surface, CoralProperties properties) {
    CoralProperties.Dialect settings =
        properties.dialects() == null ? null : properties.dialects().get(surface.name());
    if (settings == null || settings.basePath() == null) {
      throw new IllegalStateException(
          "No base path is configured for the " + surface.name() + " dialect");
    }
    String path = settings.basePath().trim();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** Dialects, longest base path first. */
  public List<MountedDialect> dialects() {
    return dialects;
  }

  /** The dialect that owns {@code path}, or Coral's own surface when none does. */
  public DialectSurface surfaceFor(String path) {
    for (MountedDialect mounted : dialects) {
      if (mounted.contains(path)) {
        return mounted.surface();
      }
    }
    return OUTSIDE_ANY_DIALECT;
  }

  /** The dialect whose package holds {@code handlerType}, if any. */
  public Optional<DialectSurface> owning(Class<?> handlerType) {
    String handlerPackage = handlerType.getPackageName();
    return dialects.stream()
        .map(MountedDialect::surface)
        .filter(surface -> surface.controllerPackage().equals(handlerPackage))
        .findFirst();
  }

  /** The mounted dialect with this name. */
  public MountedDialect mounted(String name) {
    return dialects.stream()
        .filter(mounted -> mounted.surface().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No dialect named " + name));
  }
}
