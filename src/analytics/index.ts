export { revenueFlows, type RevenueFlowReport } from "./revenue-flows";
export { type RevenueFlow, TOTAL_SOURCES, type TotalSource } from "./revenue-line";
export {
  type ConcentrationReport,
  customerConcentration,
  type CustomerShare,
  THRESHOLD_FLAGS,
  type ThresholdFlag,
} from "./concentration";
export { competitiveRiskPaths } from "./risk-paths/competitive-risk-paths";
export { RISK_PATH_KINDS, type RiskPath, type RiskPathKind, type RiskPathReport } from "./risk-paths/risk-path";
export { FANOUT_CAP } from "./paths/caps";
export { type PathHop, TRAVERSALS, type Traversal } from "./paths/path-hop";
export { type FlowPath, type FlowPathReport, flowPaths, type FlowPathsInput } from "./flow-paths";
export { type ChurnSimulation, simulateChurn } from "./churn";
