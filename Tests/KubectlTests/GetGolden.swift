enum GetGolden {
    static let getSvcIng = """
        NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
        service/backend    ClusterIP   10.96.0.11   <none>        8080/TCP   10m
        service/frontend   ClusterIP   10.96.0.10   <none>        80/TCP     10m

        NAME                             CLASS   HOSTS              ADDRESS   PORTS   AGE
        ingress.networking.k8s.io/shop   nginx   shop.example.com             80      10m

        """
    static let getAllNamespacesSvc = """
        NAMESPACE     NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE
        default       backend    ClusterIP   10.96.0.11   <none>        8080/TCP        10m
        default       frontend   ClusterIP   10.96.0.10   <none>        80/TCP          10m
        kube-system   kube-dns   ClusterIP   10.96.0.53   <none>        53/UDP,53/TCP   10m

        """
    static let getTuples = """
        NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
        service/frontend   ClusterIP   10.96.0.10   <none>        80/TCP    10m

        NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
        deployment.apps/web   2/2     2            2           10m

        """
    static let getAll = """
        NAME        READY   STATUS    RESTARTS   AGE
        pod/db-0    1/1     Running   0          10m
        pod/web-1   1/1     Running   0          10m

        NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
        service/backend    ClusterIP   10.96.0.11   <none>        8080/TCP   10m
        service/frontend   ClusterIP   10.96.0.10   <none>        80/TCP     10m

        NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
        deployment.apps/web   2/2     2            2           10m

        NAME                                      AGE
        horizontalpodautoscaler.autoscaling/web   10m

        """
    static let getSecrets = """
        NAME    TYPE     DATA   AGE
        creds   Opaque   1      10m

        """
}
