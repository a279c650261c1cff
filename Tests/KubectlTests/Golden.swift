// Generated from cell values by an independent implementation of tabwriter's padding rule.
enum Golden {
    static let pods = """
        NAME    READY   STATUS              RESTARTS      AGE
        crash   0/1     CrashLoopBackOff    5 (60s ago)   10m
        done    0/1     Completed           0             10m
        err     0/1     Error               0             10m
        multi   1/2     Running             0             10m
        term    1/1     Terminating         0             10m
        web-1   1/1     Running             0             5m
        web-2   0/1     ContainerCreating   0             12s
        web-3   1/1     Running             2 (15s ago)   10m
        
        """
    static let podsWide = """
        NAME    READY   STATUS              RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
        web-1   1/1     Running             0          5m    10.244.1.5   node-1   <none>           1/1
        web-2   0/1     ContainerCreating   0          12s   <none>       node-2   <none>           <none>
        
        """
    static let services = """
        NAME       TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)                      AGE
        api        NodePort       10.96.0.20   <none>             80:30080/TCP,443:30443/TCP   10m
        db         ClusterIP      None         <none>             5432/TCP                     10m
        ext        ExternalName   <none>       db.example.com     <none>                       10m
        frontend   ClusterIP      10.96.0.10   <none>             80/TCP                       10m
        lb         LoadBalancer   10.96.0.30   <pending>          80:31000/TCP                 10m
        lb2        LoadBalancer   10.96.0.31   203.0.113.10       80:31001/TCP                 10m
        lbhost     LoadBalancer   10.96.0.32   a1b2c3d4e5f6-...   80:31002/TCP                 10m
        
        """
    static let servicesWide = """
        NAME     TYPE           CLUSTER-IP   EXTERNAL-IP                                           PORT(S)                      AGE   SELECTOR
        api      NodePort       10.96.0.20   <none>                                                80:30080/TCP,443:30443/TCP   10m   app=api,tier=be
        ext      ExternalName   <none>       db.example.com                                        <none>                       10m   <none>
        lbhost   LoadBalancer   10.96.0.32   a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com   80:31002/TCP                 10m   app=web
        
        """
    static let endpoints = """
        NAME       ENDPOINTS                                                     AGE
        empty      <none>                                                        10m
        frontend   10.244.1.5:8080,10.244.2.3:8080,10.244.3.4:8080 + 1 more...   10m
        headless   10.244.1.5                                                    10m
        multi      10.0.0.1:80,10.0.0.1:443                                      10m
        notready                                                                 10m
        v6         [fd00::1]:80                                                  10m
        
        """
    static let endpointSlices = """
        NAME             ADDRESSTYPE   PORTS       ENDPOINTS                                      AGE
        empty-xyz12      IPv4          <unset>     <unset>                                        10m
        frontend-abc12   IPv4          8080,9090   10.244.1.5,10.244.2.3,10.244.3.4 + 1 more...   10m
        
        """
    static let ingresses = """
        NAME       CLASS    HOSTS                                                   ADDRESS        PORTS     AGE
        catchall   <none>   *                                                                      80        10m
        many       nginx    a.example.com,b.example.com,c.example.com + 1 more...                  80        10m
        shop       nginx    shop.example.com,api.example.com                        192.168.49.2   80, 443   10m
        
        """
    static let ingressClasses = """
        NAME     CONTROLLER             PARAMETERS                                      AGE
        custom   example.com/ctl        IngressParameters.k8s.example.com/external-lb   10m
        nginx    k8s.io/ingress-nginx   <none>                                          10m
        
        """
    static let workloads = """
        NAME   READY   UP-TO-DATE   AVAILABLE   AGE
        web    2/3     3            2           10m
        
        """
    static let deploymentsWide = """
        NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS    IMAGES                SELECTOR
        web    2/3     3            2           10m   web,sidecar   nginx:1.27,envoy:v1   app=web
        
        """
    static let replicaSetsWide = """
        NAME        DESIRED   CURRENT   READY   AGE   CONTAINERS    IMAGES                SELECTOR
        web-5d4f8   3         3         2       10m   web,sidecar   nginx:1.27,envoy:v1   app=web,pod-template-hash=5d4f8
        
        """
    static let replicationControllers = """
        NAME     DESIRED   CURRENT   READY   AGE
        legacy   2         2         1       10m
        
        """
    static let replicationControllersWide = """
        NAME     DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
        legacy   2         2         1       10m   web          nginx:1.27   app=legacy
        
        """
    static let statefulSets = """
        NAME   READY   AGE
        db     1/3     10m
        
        """
    static let statefulSetsWide = """
        NAME   READY   AGE   CONTAINERS   IMAGES
        db     1/3     10m   web          nginx:1.27
        
        """
    static let daemonSets = """
        NAME       DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
        agent      3         3         2       3            2           kubernetes.io/os=linux   10m
        anywhere   0         0         0       0            0           <none>                   10m
        
        """
    static let daemonSetsWide = """
        NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES       SELECTOR
        agent   3         3         2       3            2           kubernetes.io/os=linux   10m   web          nginx:1.27   app=agent
        
        """
    static let nodes = """
        NAME     STATUS                        ROLES           AGE   VERSION
        node-1   Ready                         control-plane   10m   v1.30.2
        node-2   NotReady,SchedulingDisabled   <none>          10m   v1.31.0
        node-3   Unknown                       worker          10m   v1.31.0
        
        """
    static let nodesWide = """
        NAME     STATUS                        ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
        node-1   Ready                         control-plane   10m   v1.30.2   192.168.49.2   <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://1.7.13
        node-2   NotReady,SchedulingDisabled   <none>          10m   v1.31.0   <none>         <none>        <unknown>            <unknown>            <unknown>
        node-3   Unknown                       worker          10m   v1.31.0   192.168.49.4   203.0.113.5   <unknown>            <unknown>            <unknown>
        
        """
    static let namespaces = """
        NAME          STATUS        AGE
        default       Active        10m
        kube-system   Active        10m
        old           Terminating   10m
        
        """
    static let eventsAllNamespaces = """
        NAMESPACE   LAST SEEN   TYPE      REASON      OBJECT      MESSAGE
        default     10s         Normal    Scheduled   pod/web-1   Successfully assigned default/web-1 to node-1
        shop        60s         Warning   BackOff     pod/crash   Back-off restarting failed container...
        
        """
    static let eventsWide = """
        LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT              SOURCE              MESSAGE                                         FIRST SEEN   COUNT   NAME
        10s         Normal    Scheduled   pod/web-1                          default-scheduler   Successfully assigned default/web-1 to node-1   10s          1       web-1.17a2b3c4d5e6f7a8
        60s         Warning   BackOff     pod/crash   spec.containers{web}   kubelet, node-1     Back-off restarting failed container...         5m           7       crash.17a2b3c4d5e6f7b9
        
        """
    static let secrets = """
        NAME       TYPE                DATA   AGE
        opaque     Opaque              1      10m
        tls-cert   kubernetes.io/tls   2      10m
        
        """
    static let configMaps = """
        NAME         DATA   AGE
        app-config   3      10m
        
        """
    static let serviceAccounts = """
        NAME      SECRETS   AGE
        builder   1         10m
        default   0         10m
        
        """
    static let generic = """
        NAME   AGE
        web    10m
        
        """
}
