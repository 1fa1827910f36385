package com.consultchat.web.metrics.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.metrics.control.MetricsHistory;
import com.consultchat.web.metrics.control.Sampler;
import com.consultchat.web.platform.boundary.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/metrics}: this node's last hour for the admin console's charts, as JSON.
 * Administrators only; anyone else gets the 404 of a page that does not exist, so the endpoint
 * tells nobody else it is there. Operators scrape the same meters as Prometheus from the server's
 * management interface instead.
 */
@Path("admin/metrics")
@RequestScoped
public class MetricsResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** The page's view: times in epoch seconds, each figure aligned with them, specialists now. */
  public record History(
      int intervalSeconds,
      List<Long> times,
      Map<String, List<Double>> series,
      List<Specialist> specialists) {}

  public record Specialist(String name, long active) {}

  @Inject CurrentUser currentUser;
  @Inject Sampler sampler;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response history() {
    if (!currentUser.isAdmin()) {
      return Problems.of(Refused.notFound("metrics.not.found"));
    }
    MetricsHistory.Columns columns = sampler.history().columns(Sampler.FIGURES);
    List<Specialist> specialists =
        sampler.specialists().entrySet().stream()
            .map(e -> new Specialist(e.getKey(), e.getValue()))
            .toList();
    History history =
        new History(Sampler.INTERVAL_SECONDS, columns.times(), columns.series(), specialists);
    return Response.ok(JSONB.toJson(history), MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .build();
  }
}
