RETURN {
  Entity: COUNT { (:Entity) },
  Source: COUNT { (:Source) },
  Evidence: COUNT { (:Evidence) },
  Metric: COUNT { (:Metric) },
  Claim: COUNT { (:Claim) },
  Derivation: COUNT { (:Derivation) }
} AS labels, {
  BUYS_FROM: COUNT { ()-[:BUYS_FROM]->() },
  SUBSIDIARY_OF: COUNT { ()-[:SUBSIDIARY_OF]->() },
  COMPETES_WITH: COUNT { ()-[:COMPETES_WITH]->() },
  PARTNERS_WITH: COUNT { ()-[:PARTNERS_WITH]->() },
  INVESTS_IN: COUNT { ()-[:INVESTS_IN]->() },
  TAKES_REVENUE_SHARE: COUNT { ()-[:TAKES_REVENUE_SHARE]->() },
  OFFERS: COUNT { ()-[:OFFERS]->() },
  BUILT_ON: COUNT { ()-[:BUILT_ON]->() },
  LEADS: COUNT { ()-[:LEADS]->() },
  USES_MODEL: COUNT { ()-[:USES_MODEL]->() }
} AS relationships
