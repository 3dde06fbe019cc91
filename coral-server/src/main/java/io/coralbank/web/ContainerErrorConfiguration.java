package io.coralbank.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DialectErrorReportValve} in place of Tomcat's HTML error valve. */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

  @Bean
  TomcatContextCustomizer dialectErrorReports(FailureWriter failures) {
    return context -> {
      Host host = (Host) context.getParent();
      // Spring Boot adds an HTML error valve of its own from another customizer, and the host adds
      // one of its class when it starts unless one is there; just before the host starts, after
      // every customizer, the HTML ones are taken out and this one put in their place.
      host.addLifecycleListener(
          event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
              return;
            }
            boolean present = false;
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof DialectErrorReportValve) {
                present = true;
              } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            if (host instanceof StandardHost standard) {
              standard.setErrorReportValveClass(DialectErrorReportValve.class.getName());
            }
            if (!present) {
              host.getPipeline().addValve(new DialectErrorReportValve(failures));
            }
          });
    };
  }
}
