/// Dispatches a page to its view.
enum Views {
    static func table(for page: Page, ctx: ViewContext) -> TableModel {
        switch page.view {
        case .services: ServicesView.table(ctx)
        case .pods: PodsView.table(ctx)
        case .endpoints: EndpointsView.table(ctx)
        case .ingresses: IngressView.table(ctx)
        case .deployments: WorkloadViews.deployments(ctx)
        case .replicaSets: WorkloadViews.replicaSets(ctx)
        case .statefulSets: WorkloadViews.statefulSets(ctx)
        case .daemonSets: WorkloadViews.daemonSets(ctx)
        case .nodes: ClusterViews.nodes(ctx)
        case .events: ClusterViews.events(ctx)
        case .namespaces: ClusterViews.namespaces(ctx)
        case .topology: TopologyView.table(ctx)
        case .traffic: TrafficView.table(ctx)
        }
    }
}
