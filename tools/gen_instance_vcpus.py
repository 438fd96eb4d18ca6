#!/usr/bin/env python3
"""Regenerates src/main/resources/data/instance-vcpus.csv.

vCPU counts decide the EKS managed-node-group max-pods cap (110 up to 30 vCPUs, else 250), and the
upstream limits table has none. Source: the DescribeInstanceTypes snapshot shipped inside moto
(moto/ec2/resources/instance_types.json.gz, VCpuInfo.DefaultVCpus). Types moto lacks get no row; the
code then derives vCPUs from the size name (InstanceLimitsTable.vcpusFromSize).

Usage: python3 tools/gen_instance_vcpus.py [OUTPUT]   (default: the embedded file)
"""
import csv, gzip, json, os, sys

import moto

src = os.path.join(os.path.dirname(moto.__file__), "ec2", "resources", "instance_types.json.gz")
limits = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "data", "instance-limits.csv")
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(limits), "instance-vcpus.csv")
types = json.load(gzip.open(src))
with open(limits) as f:
    wanted = sorted(r["instance_type"] for r in csv.DictReader(f))
with open(out, "w", newline="") as f:
    f.write("instance_type,vcpus\n")
    for name in wanted:
        if name in types:
            f.write(f"{name},{types[name]['VCpuInfo']['DefaultVCpus']}\n")
