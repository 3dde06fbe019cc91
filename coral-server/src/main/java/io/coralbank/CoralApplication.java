package io.coralbank;

import io.coralbank.platform.ConfigurationCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * Starts Coral: the banking core with its dialect adapters. Beans are named by their fully
 * qualified class, because dialects deliberately use the same class names for the same concepts
 * (each has its own {@code CredentialsController}).
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
public class CoralApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  /**
   * The application exactly as {@link #main} runs it, so tests can start real servers (for example
   * twice on the same data directory) the same way an operator does.
   */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(CoralApplication.class);
    // The configuration check runs before any bean exists, so a misconfigured production
    // server fails before it starts a database or opens a port.
    application.addListeners(new ConfigurationCheck());
    return application;
  }
}
