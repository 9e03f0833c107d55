#!/usr/bin/env python3
"""Writes an OpenAPI 3.1 document whose one request body is {list: [5 unique items]} and whose item is an object
DEPTH levels deep with WIDTH required properties per level (every property an object down to the last level, whose
properties are strings): usage gen.py DEPTH WIDTH ITEMS > doc.json."""
import json
import sys

depth, width, items = (int(a) for a in sys.argv[1:4])


def level(d):
    if d == 0:
        return {"type": "string"}
    props = {f"p{i}": level(d - 1) for i in range(width)}
    return {"type": "object", "required": list(props), "properties": props}


body = {"type": "object", "required": ["list"],
        "properties": {"list": {"type": "array", "minItems": items, "uniqueItems": True, "items": level(depth)}}}
doc = {"openapi": "3.1.0", "info": {"title": "deep", "version": "1"},
       "paths": {"/things": {"post": {"operationId": "create_thing",
                                      "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                                      "responses": {"201": {"description": "ok"}}}}}}
json.dump(doc, sys.stdout)
