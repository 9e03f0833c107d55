#!/usr/bin/env python3
"""Writes an OpenAPI 3.1 document of OPS operations, each with a required query parameter and a request body
{tags: [3 unique items]} whose strings have the pattern ^([a-z]+)+[0-9]$ and minLength 30: a text of 30 letters is a
near miss that a backtracking regex engine tries in 2^30 ways. usage: patterns.py OPS > doc.json."""
import json
import sys

ops = int(sys.argv[1])
text = {"type": "string", "pattern": "^([a-z]+)+[0-9]$", "minLength": 30}
paths = {}
for i in range(ops):
    body = {"type": "object", "required": ["tags"],
            "properties": {"tags": {"type": "array", "minItems": 3, "uniqueItems": True, "items": text}}}
    paths[f"/things{i}"] = {"post": {
        "operationId": f"create{i}",
        "parameters": [{"name": "q", "in": "query", "required": True, "schema": text}],
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"201": {"description": "created"}}}}
print(json.dumps({"openapi": "3.1.0", "info": {"title": "patterns", "version": "1"}, "paths": paths}))
