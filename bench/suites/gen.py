#!/usr/bin/env python3
"""Generates the benchmark inputs from the shipped ringcentral pack.

usage: gen.py ROWS OUT_DIR

Writes OUT_DIR/contracts/ringcentral/ (api.yaml and schemas copied, tables/bench.yaml with ROWS rows cycling over
the templates below), OUT_DIR/requests.json (the same probes, for the bare HttpClient loop) and
OUT_DIR/collection.json (a Postman collection with the same requests, a status test and a JSON Schema test).
"""
import json
import os
import shutil
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PACK = os.path.join(REPO, "contracts", "ringcentral")
TOKEN = "Bearer rc-reference-token"
EXT = "/restapi/v1.0/account/~/extension/{}"
CONTACT = "/restapi/v1.0/account/~/extension/~/address-book/contact/{}"
SMS = "/restapi/v1.0/account/~/extension/~/sms"
SMS_BODY = {"from": {"phoneNumber": "+16505550100"}, "to": [{"phoneNumber": "+16505550101"}], "text": "Your appointment is confirmed for 10:00."}
EXT_BODY = {"contact": {"firstName": "Grace", "lastName": "Hopper", "email": "grace.hopper@example.com"}}


def without(body, key):
    return {k: v for k, v in body.items() if k != key}


# (op, scenario, with, expect, method, path, auth, body, schema): the probe each row sends, as the framework builds it.
TEMPLATES = [
    ("get_extension", "valid", None, 200, "GET", EXT.format("101"), True, None, "extension"),
    ("get_extension", "no_auth", None, 401, "GET", EXT.format("101"), False, None, "error"),
    ("get_extension", "unknown_id", {"param": "extensionId", "value": "999999"}, 404, "GET", EXT.format("999999"), True, None, "error"),
    ("get_extension", "wrong_method", None, 405, "DELETE", EXT.format("101"), True, None, "error"),
    ("get_contact", "valid", None, 200, "GET", CONTACT.format("201"), True, None, "contact"),
    ("get_contact", "no_auth", None, 401, "GET", CONTACT.format("201"), False, None, "error"),
    ("get_contact", "unknown_id", {"param": "contactId", "value": "999999"}, 404, "GET", CONTACT.format("999999"), True, None, "error"),
    ("get_contact", "wrong_method", None, 405, "PUT", CONTACT.format("201"), True, None, "error"),
    ("send_sms", "valid", None, 200, "POST", SMS, True, SMS_BODY, "message"),
    ("send_sms", "no_auth", None, 401, "POST", SMS, False, SMS_BODY, "error"),
    ("send_sms", "missing_field", {"field": "/to"}, 400, "POST", SMS, True, without(SMS_BODY, "to"), "error"),
    ("send_sms", "missing_field", {"field": "/text"}, 400, "POST", SMS, True, without(SMS_BODY, "text"), "error"),
    ("send_sms", "wrong_method", None, 405, "DELETE", SMS, True, SMS_BODY, "error"),
    ("update_extension", "valid", None, 200, "PUT", EXT.format("102"), True, EXT_BODY, "extension"),
    ("update_extension", "no_auth", None, 401, "PUT", EXT.format("102"), False, EXT_BODY, "error"),
]


def flow(value):
    return json.dumps(value, separators=(", ", ": "))


def main():
    rows, out = int(sys.argv[1]), os.path.abspath(sys.argv[2])
    pack = os.path.join(out, "contracts", "ringcentral")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(pack, "tables"))
    shutil.copy(os.path.join(PACK, "api.yaml"), pack)
    shutil.copytree(os.path.join(PACK, "schemas"), os.path.join(pack, "schemas"))
    table, requests, items = ["rows:"], [], []
    for i in range(rows):
        op, scenario, with_, expect, method, path, auth, body, schema = TEMPLATES[i % len(TEMPLATES)]
        row_id = f"{op}.{scenario}.b{i}"
        table.append(f"  - {{ id: {row_id}, op: {op}, scenario: {scenario}, " + (f"with: {flow(with_)}, " if with_ else "") + f"expect: {expect} }}")
        headers = [["Accept", "application/json"]] + ([["Authorization", TOKEN]] if auth else [])
        text = None if body is None else json.dumps(body, separators=(",", ":"))
        if text is not None:
            headers.append(["Content-Type", "application/json"])
        requests.append({"method": method, "path": "/ringcentral" + path, "headers": headers, "body": text, "expect": expect})
        tests = [
            f'pm.test("status {expect}", function () {{ pm.response.to.have.status({expect}); }});',
            f'pm.test("schema {schema}", function () {{ pm.response.to.have.jsonSchema(JSON.parse(pm.collectionVariables.get("schema_{schema}"))); }});',
        ]
        request = {"method": method, "header": [{"key": k, "value": v} for k, v in headers], "url": "{{baseUrl}}/ringcentral" + path}
        if text is not None:
            request["body"] = {"mode": "raw", "raw": text}
        items.append({"name": row_id, "request": request, "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": tests}}]})
    with open(os.path.join(pack, "tables", "bench.yaml"), "w") as f:
        f.write("\n".join(table) + "\n")
    with open(os.path.join(out, "requests.json"), "w") as f:
        json.dump(requests, f)
    variables = [{"key": "baseUrl", "value": "http://127.0.0.1:5080"}]
    for name in sorted({t[8] for t in TEMPLATES}):
        with open(os.path.join(PACK, "schemas", f"{name}.schema.json")) as f:
            schema = json.load(f)
        schema.pop("$schema", None)  # Postman's validator does not know the 2020-12 meta-schema URI; the keywords used are draft-07 compatible
        variables.append({"key": f"schema_{name}", "value": json.dumps(schema)})
    collection = {"info": {"name": f"conformance bench {rows} rows", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": items, "variable": variables}
    with open(os.path.join(out, "collection.json"), "w") as f:
        json.dump(collection, f)


if __name__ == "__main__":
    main()
