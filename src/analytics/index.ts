export { type FlowDirection, revenueFlows, type RevenueFlowReport, type RevenueFlowsInput } from "./revenue-flows";
export { type LineFigures, type RevenueFlow, TOTAL_SOURCES, type TotalSource } from "./revenue-line";
export { type StatedShare, type StatedTotal } from "./stated-figures";
export {
  type ConcentrationInput,
  type ConcentrationReport,
  concentrationOfLine,
  customerConcentration,
  type CustomerShare,
  THRESHOLD_FLAGS,
  type ThresholdFlag,
  thresholdFlag,
} from "./concentration";
export { compareRiskPaths, competitiveRiskPaths } from "./risk-paths/competitive-risk-paths";
export {
  RISK_PATH_KINDS,
  type RiskPath,
  type RiskPathKind,
  type RiskPathReport,
  type RiskPathsInput,
} from "./risk-paths/risk-path";
export { FANOUT_CAP } from "./paths/caps";
export { type PathHop, TRAVERSALS, type Traversal } from "./paths/path-hop";
export { type FlowPath, type FlowPathReport, flowPaths, type FlowPathsInput } from "./flow-paths";
export { type ChurnInput, type ChurnSimulation, simulateChurn } from "./churn";
