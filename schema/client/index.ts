/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** RECORDED: a new claim; SUPERSEDED: a newer claim corrects it; RETRACTED: it was withdrawn. */
export type ChangeKind =
  | 'LINEAGE'
  | 'RECORDED'
  | 'RETRACTED'
  | 'SUPERSEDED';

export type ClaimInput = {
  amount?: MoneyInput | null | undefined;
  began?: string | null | undefined;
  /** Default: `1`. */
  confidence?: number | null | undefined;
  disclosure: Disclosure;
  ended?: string | null | undefined;
  evidence: Array<string>;
  id: string;
  /** Default: `{"from":null,"to":null,"label":"undated"}`. */
  refersTo?: DateSpanInput | null | undefined;
  relationship: string;
  retraction?: ClaimRetractionInput | null | undefined;
  source: string;
  /** Default: `"CURRENT"`. */
  status?: RelationshipStatus | null | undefined;
  supersedes?: string | null | undefined;
};

export type ClaimRetractionInput = {
  at: string;
  by: string;
  reason: string;
};

export type CompanyInput = {
  /** Default: `[]`. */
  aliases?: Array<string> | null | undefined;
  country?: string | null | undefined;
  description?: string | null | undefined;
  /** Default: `[]`. */
  evidence?: Array<string> | null | undefined;
  id: string;
  kind?: string | null | undefined;
  name: string;
};

export type DateSpanInput = {
  from?: string | null | undefined;
  label: string;
  to?: string | null | undefined;
};

export type DerivationInput = {
  derivedFrom: string;
  /** Default: `[]`. */
  evidence?: Array<string> | null | undefined;
  id: string;
  reason: string;
  source: string;
};

/** DISCLOSED: said by the company; REPORTED: reported by the source from others; ESTIMATE: derived. */
export type Disclosure =
  | 'DISCLOSED'
  | 'ESTIMATE'
  | 'REPORTED';

export type EvidenceInput = {
  disclosure: Disclosure;
  /** Default: `[]`. */
  facts?: Array<string> | null | undefined;
  gloss: string;
  id: string;
  /** Default: `"QUOTE"`. */
  kind?: EvidenceKind | null | undefined;
  locator?: string | null | undefined;
  quote: string;
  refersTo: DateSpanInput;
  source: string;
};

/** QUOTE: verbatim words of a source whose text is held (checked against it); STATEMENT: the recorder's own words, with a locator. */
export type EvidenceKind =
  | 'QUOTE'
  | 'STATEMENT';

export type MetricInput = {
  counterparty?: string | null | undefined;
  description: string;
  evidence: Array<string>;
  id: string;
  kind: string;
  money?: MoneyInput | null | undefined;
  product?: string | null | undefined;
  quantity?: QuantityInput | null | undefined;
  refersTo: DateSpanInput;
  subject: string;
};

export type MoneyInput = {
  /** Default: `"USD"`. */
  currency?: string | null | undefined;
  estimate?: number | null | undefined;
  /** Required: null when there is none. */
  high?: number | null | undefined;
  low: number;
  period: Period;
  qualifier: Qualifier;
};

export type NodeKind =
  | 'Company'
  | 'Person'
  | 'Product';

/** What an amount is per. TOTAL: one-off or cumulative. */
export type Period =
  | 'MONTH'
  | 'QUARTER'
  | 'TOTAL'
  | 'YEAR';

export type PersonInput = {
  /** Default: `[]`. */
  aliases?: Array<string> | null | undefined;
  description?: string | null | undefined;
  /** Default: `[]`. */
  evidence?: Array<string> | null | undefined;
  id: string;
  name: string;
};

export type ProductInput = {
  /** Default: `[]`. */
  aliases?: Array<string> | null | undefined;
  category?: string | null | undefined;
  description?: string | null | undefined;
  /** Default: `[]`. */
  evidence?: Array<string> | null | undefined;
  id: string;
  name: string;
};

/** How the source stated an amount: exactly, approximately, as a lower bound, not at all. */
export type Qualifier =
  | 'APPROXIMATE'
  | 'AT_LEAST'
  | 'AT_MOST'
  | 'EXACT'
  | 'RANGE'
  | 'UNDISCLOSED';

export type QuantityInput = {
  estimate?: number | null | undefined;
  /** Required: null when there is none. */
  high?: number | null | undefined;
  low: number;
  qualifier: Qualifier;
  unit: QuantityUnit;
};

/** FRACTION: 0.25 is 25 %; MULTIPLIER: 2 is doubled. */
export type QuantityUnit =
  | 'COUNT'
  | 'FRACTION'
  | 'MULTIPLIER';

/** Records written all or nothing, in the dataset file format (seed/README.md): typed in `records`, or as one JSON object in `recordsJson` (say, a file's content); send one of the two. Both are checked by the same rules, so a mistake reads the same either way. Claims' and derivations' recordedAt and recordedBy are set by the server. */
export type RecordBatchInput = {
  /** Chosen by the client, unique per batch: sending the same key again (a retry) records nothing more. */
  key: string;
  /** The records, typed: what an editor or a client kit writes. */
  records?: RecordsInput | null | undefined;
  /** The records as one JSON object, as a dataset file holds them: what a script sends from a file. */
  recordsJson?: unknown;
  retractions?: Array<RetractionInput>;
};

/** Records in the dataset file format (seed/README.md), typed: each collection may be left out. */
export type RecordsInput = {
  claims?: Array<ClaimInput> | null | undefined;
  companies?: Array<CompanyInput> | null | undefined;
  derivations?: Array<DerivationInput> | null | undefined;
  evidence?: Array<EvidenceInput> | null | undefined;
  metrics?: Array<MetricInput> | null | undefined;
  people?: Array<PersonInput> | null | undefined;
  products?: Array<ProductInput> | null | undefined;
  relationships?: Array<RelationshipInput> | null | undefined;
  sources?: Array<SourceInput> | null | undefined;
};

export type RelationshipInput = {
  from: string;
  id: string;
  kind: RelationshipKind;
  market?: string | null | undefined;
  note?: string | null | undefined;
  product?: string | null | undefined;
  purpose?: string | null | undefined;
  role?: string | null | undefined;
  to: string;
};

export type RelationshipKind =
  | 'BUILT_ON'
  | 'BUYS_FROM'
  | 'COMPETES_WITH'
  | 'INVESTS_IN'
  | 'LEADS'
  | 'OFFERS'
  | 'PARTNERS_WITH'
  | 'SUBSIDIARY_OF'
  | 'TAKES_REVENUE_SHARE'
  | 'USES_MODEL';

export type RelationshipStatus =
  | 'CURRENT'
  | 'FORMER'
  | 'PLANNED'
  | 'REPORTED';

export type RetractionInput = {
  claim: string | number;
  /** Why the claim is withdrawn; kept with it. */
  reason: string;
};

/** The pattern a risk path matches. */
export type RiskPathKind =
  /** A customer's share of the line may exceed the threshold. */
  | 'CONCENTRATION'
  /** A customer (or its group) competes with the supplier or with the supplier's upstream supplier. */
  | 'CUSTOMER_BUILDS_COMPETING'
  /** A customer formerly bought from a competitor of the supplier. */
  | 'CUSTOMER_FROM_COMPETITOR'
  /** A customer (or its group) partners directly with the supplier's upstream supplier. */
  | 'CUSTOMER_PARTNERS_UPSTREAM'
  /** A customer (or its group) uses an upstream supplier's model while competing with that supplier. */
  | 'TERMS_CONFLICT'
  /** An upstream supplier competes with the supplier, or sells in the line's market itself. */
  | 'UPSTREAM_SELLS_DIRECT';

export type SourceInput = {
  /** Default: `[]`. */
  derivedFrom?: Array<string> | null | undefined;
  document?: string | null | undefined;
  id: string;
  kind: SourceKind;
  language: string;
  /** Required: null when there is none. */
  publishedOn?: string | null | undefined;
  publisher?: string | null | undefined;
  title: string;
  url?: string | null | undefined;
};

/** NEWS reports; FILING is a regulatory filing; COMPANY_STATEMENT is the company's own words; DATASET a compiled table; ESTIMATE a derived figure; RESEARCH an analyst or academic report. */
export type SourceKind =
  | 'COMPANY_STATEMENT'
  | 'DATASET'
  | 'ESTIMATE'
  | 'FILING'
  | 'NEWS'
  | 'RESEARCH';

export type CompanyCardQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
  knownAt?: string | null | undefined;
}>;


export type CompanyCardQuery = { company: { id: string, name: string, kind: string | null, country: string | null, description: string | null, parent: { id: string, name: string } | null, ultimateParent: { id: string, name: string }, customers: { totalCount: number, nodes: Array<{ id: string, customer: { id: string, name: string }, product: { id: string, name: string }, spend: { display: string, low: number, high: number | null, estimate: number | null, period: Period } | null }> }, suppliers: { totalCount: number, nodes: Array<{ id: string, supplier: { id: string, name: string }, product: { id: string, name: string }, spend: { display: string } | null }> } } | null };

export type RelationshipGraphQueryVariables = Exact<{
  centers: Array<string | number> | string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  asOf?: string | null | undefined;
  knownAt?: string | null | undefined;
}>;


export type RelationshipGraphQuery = { relationshipGraph: { centers: Array<string>, depth: number, truncated: boolean, cut: { reason: string | null }, nodes: Array<{ id: string, label: string, nodeKind: NodeKind, kind: string | null, country: string | null, hop: number, isCenter: boolean }>, edges: Array<{ id: string, source: string, target: string, kind: RelationshipKind, label: string, amountLabel: string | null, productId: string | null, market: string | null, evidenceCount: number, status: RelationshipStatus, confidence: number, validFrom: string | null, validTo: string | null }> } };

export type HubsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type HubsQuery = { hubs: Array<{ relationships: number, node:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     }> };

export type ChangesSubscriptionVariables = Exact<{
  since: number;
}>;


export type ChangesSubscription = { changes: { seq: number, kind: ChangeKind, claimId: string, relationshipId: string, batchKey: string, at: string } };

export type RelationshipsChangedSubscriptionVariables = Exact<{
  companies?: Array<string | number> | string | number | null | undefined;
  kinds?: Array<RelationshipKind> | RelationshipKind | null | undefined;
  product?: Array<string | number> | string | number | null | undefined;
  since?: number | null | undefined;
}>;


export type RelationshipsChangedSubscription = { relationshipsChanged: { seq: number, batchKey: string, relationshipId: string, relationship: { id: string, kind: RelationshipKind, from:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , to:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , amount: { display: string, low: number, high: number | null, estimate: number | null, currency: string, period: Period } | null, agreement: { claims: number, independentOrigins: number, conflicting: boolean }, claims: { totalCount: number, nodes: Array<{ id: string, source: { id: string, title: string } }> } } | null } };

export type RecordBatchMutationVariables = Exact<{
  input: RecordBatchInput;
}>;


export type RecordBatchMutation = { recordBatch: { key: string, at: string, by: string, firstSeq: number, lastSeq: number, claimIds: Array<string>, retractedIds: Array<string>, bookmark: string | null } };

export type RevenueLineQueryVariables = Exact<{
  company: string | number;
  product?: string | number | null | undefined;
  asOf?: string | null | undefined;
  knownAt?: string | null | undefined;
}>;


export type RevenueLineQuery = { revenueFlows: { notes: Array<string>, company: { id: string, name: string }, product: { id: string, name: string } | null, total: { display: string }, attributed: { display: string }, unattributed: { display: string } | null, statedTotal: { amount: { display: string }, refersTo: { label: string } } | null, flows: Array<{ counterpartyId: string, relationshipIds: Array<string>, counterparty: { id: string, name: string }, amount: { display: string, low: number, high: number | null, estimate: number | null }, share: { display: string, low: number, high: number | null, estimate: number | null } | null }> } };

export type RiskPathsQueryVariables = Exact<{
  company: string | number;
  first?: number | null | undefined;
  asOf?: string | null | undefined;
  knownAt?: string | null | undefined;
}>;


export type RiskPathsQuery = { competitiveRiskPaths: { paths: Array<{ id: string, kind: RiskPathKind, explanation: string, revenueAtRisk: { display: string }, nodes: Array<
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      >, hops: Array<{ relationshipId: string, kind: RelationshipKind, fromId: string, toId: string }> }> } };

export type SearchCompaniesQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchCompaniesQuery = { search: { totalCount: number, nodes: Array<{ score: number, node:
        | { kind: string | null, country: string | null, id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };


export const CompanyCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ultimateParent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyCardQuery, CompanyCardQueryVariables>;
export const RelationshipGraphDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelationshipGraph"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"centers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"200"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relationshipGraph"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"centers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"centers"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"centers"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"cut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"nodeKind"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"hop"}},{"kind":"Field","name":{"kind":"Name","value":"isCenter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"amountLabel"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"market"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]} as unknown as DocumentNode<RelationshipGraphQuery, RelationshipGraphQueryVariables>;
export const HubsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Hubs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"12"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hubs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relationships"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<HubsQuery, HubsQueryVariables>;
export const ChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"claimId"}},{"kind":"Field","name":{"kind":"Name","value":"relationshipId"}},{"kind":"Field","name":{"kind":"Name","value":"batchKey"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ChangesSubscription, ChangesSubscriptionVariables>;
export const RelationshipsChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RelationshipsChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"companies"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RelationshipKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"product"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relationshipsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"companies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"companies"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"product"},"value":{"kind":"Variable","name":{"kind":"Name","value":"product"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"batchKey"}},{"kind":"Field","name":{"kind":"Name","value":"relationshipId"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claims"}},{"kind":"Field","name":{"kind":"Name","value":"independentOrigins"}},{"kind":"Field","name":{"kind":"Name","value":"conflicting"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RelationshipsChangedSubscription, RelationshipsChangedSubscriptionVariables>;
export const RecordBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordBatchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordBatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeq"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeq"}},{"kind":"Field","name":{"kind":"Name","value":"claimIds"}},{"kind":"Field","name":{"kind":"Name","value":"retractedIds"}},{"kind":"Field","name":{"kind":"Name","value":"bookmark"}}]}}]}}]} as unknown as DocumentNode<RecordBatchMutation, RecordBatchMutationVariables>;
export const RevenueLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevenueLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"company"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"product"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revenueFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"company"},"value":{"kind":"Variable","name":{"kind":"Name","value":"company"}}},{"kind":"Argument","name":{"kind":"Name","value":"product"},"value":{"kind":"Variable","name":{"kind":"Name","value":"product"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"IN"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unattributed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refersTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counterpartyId"}},{"kind":"Field","name":{"kind":"Name","value":"counterparty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"share"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"estimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationshipIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<RevenueLineQuery, RevenueLineQueryVariables>;
export const RiskPathsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RiskPaths"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"company"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"competitiveRiskPaths"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"company"},"value":{"kind":"Variable","name":{"kind":"Name","value":"company"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"knownAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"knownAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"revenueAtRisk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relationshipId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fromId"}},{"kind":"Field","name":{"kind":"Name","value":"toId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RiskPathsQuery, RiskPathsQueryVariables>;
export const SearchCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"Company"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Company"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchCompaniesQuery, SearchCompaniesQueryVariables>;