#!/usr/bin/env python3
"""Writes a deterministic multi-document manifest stream for load benchmarks and large-file tests.

    scripts/gen-manifests.py OUT.yaml [N]     # N objects (default 10000): Deployments, Services, Ingresses in turn

The same N always produces the same bytes (no randomness, no timestamps), so timings compare across runs and
machines. Objects look like real Helm output: labels, annotations, probes, resources, env, named ports, multi-rule
Ingresses; every document is valid for `switchboard validate`.
"""
import sys

import yaml


def labels(app, i):
    return {
        "app.kubernetes.io/name": app,
        "app.kubernetes.io/instance": f"{app}-{i % 7}",
        "app.kubernetes.io/version": f"1.{i % 13}.{i % 5}",
        "app.kubernetes.io/managed-by": "Helm",
        "helm.sh/chart": f"{app}-0.{i % 9}.0",
    }


def deployment(i, app, ns):
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
            "name": app,
            "namespace": ns,
            "labels": labels(app, i),
            "annotations": {"deployment.kubernetes.io/revision": str(1 + i % 4), "team": f"team-{i % 11}"},
        },
        "spec": {
            "replicas": 1 + i % 5,
            "revisionHistoryLimit": 10,
            "selector": {"matchLabels": {"app.kubernetes.io/name": app}},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0}},
            "template": {
                "metadata": {"labels": labels(app, i)},
                "spec": {
                    "terminationGracePeriodSeconds": 30,
                    "containers": [
                        {
                            "name": "app",
                            "image": f"registry.example.com/{app}:1.{i % 13}.{i % 5}",
                            "imagePullPolicy": "IfNotPresent",
                            "ports": [
                                {"name": "http", "containerPort": 8080, "protocol": "TCP"},
                                {"name": "metrics", "containerPort": 9090, "protocol": "TCP"},
                            ],
                            "env": [
                                {"name": "LOG_LEVEL", "value": "info"},
                                {"name": "PORT", "value": "8080"},
                                {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                            ],
                            "resources": {
                                "requests": {"cpu": "100m", "memory": "128Mi"},
                                "limits": {"cpu": "500m", "memory": "256Mi"},
                            },
                            "readinessProbe": {
                                "httpGet": {"path": "/healthz", "port": "http"},
                                "initialDelaySeconds": 5,
                                "periodSeconds": 10,
                            },
                            "livenessProbe": {
                                "tcpSocket": {"port": 8080},
                                "initialDelaySeconds": 15,
                                "periodSeconds": 20,
                            },
                        }
                    ],
                },
            },
        },
    }


def service(i, app, ns):
    spec = {
        "selector": {"app.kubernetes.io/name": app},
        "ports": [
            {"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"},
            {"name": "metrics", "port": 9090, "targetPort": 9090},
        ],
    }
    if i % 10 == 1:
        spec["type"] = "NodePort"
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": app, "namespace": ns, "labels": labels(app, i)},
        "spec": spec,
    }


def ingress(i, app, ns):
    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            "name": app,
            "namespace": ns,
            "labels": labels(app, i),
            "annotations": {"nginx.ingress.kubernetes.io/rewrite-target": "/"},
        },
        "spec": {
            "ingressClassName": "nginx",
            "tls": [{"hosts": [f"{app}.example.com"], "secretName": f"{app}-tls"}],
            "rules": [
                {
                    "host": f"{app}.example.com",
                    "http": {
                        "paths": [
                            {
                                "path": "/",
                                "pathType": "Prefix",
                                "backend": {"service": {"name": app, "port": {"name": "http"}}},
                            },
                            {
                                "path": "/metrics",
                                "pathType": "Exact",
                                "backend": {"service": {"name": app, "port": {"number": 9090}}},
                            },
                        ]
                    },
                }
            ],
        },
    }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip())
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 10000
    makers = (deployment, service, ingress)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            app = f"app-{i // 3:05d}"
            ns = f"ns-{(i // 3) % 20:02d}"
            f.write("---\n")
            yaml.safe_dump(makers[i % 3](i, app, ns), f, sort_keys=False, default_flow_style=False)


if __name__ == "__main__":
    main()
