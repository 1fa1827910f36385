package com.consultchat.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application's one container-managed, transaction-scoped {@link EntityManager}, for
 * {@code @Inject EntityManager}. Beans do not use {@code @PersistenceContext} fields: WildFly
 * resolves those while the EAR's CDI container starts, and on a {@code :reload} that could run
 * before the EJB module had registered its persistence unit, which left the whole application
 * undeployed ("persistenceunit … not found"). The persistence unit binds its entity manager in JNDI
 * instead (persistence.xml), and it is looked up here once, on first use, when the unit is running.
 */
@ApplicationScoped
public class EntityManagerProducer {

  /** Where persistence.xml binds the entity manager ({@code jboss.entity.manager.jndi.name}). */
  static final String JNDI_NAME = "java:/consultchat/EntityManager";

  private volatile EntityManager entityManager;

  @Produces
  EntityManager entityManager() {
    EntityManager found = entityManager;
    if (found == null) {
      try {
        // A proxy that joins the caller's transaction: one instance serves every bean and thread.
        found = (EntityManager) new InitialContext().lookup(JNDI_NAME);
      } catch (NamingException e) {
        throw new IllegalStateException("The persistence unit is not bound at " + JNDI_NAME, e);
      }
      entityManager = found;
    }
    return found;
  }
}
