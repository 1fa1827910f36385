package com.consultchat.web.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the metrics page needs besides its data: the version of the chart library's WebJar, which is
 * part of the address the server serves it under, read from the WebJar itself so that updating the
 * dependency is the only change.
 */
@Named
@ApplicationScoped
public class MetricsPage {

  private static final String POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private final String uplotVersion = read();

  public String getUplotVersion() {
    return uplotVersion;
  }

  private static String read() {
    try (InputStream in = MetricsPage.class.getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("The uPlot WebJar is missing from the application");
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
