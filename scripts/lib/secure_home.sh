# Sourced by scripts/opensearch.sh: prepares a per-run path.home for the secure engines (OpenSearch 2.19.6 with the
# security plugin 2.19.4.0, and secure3: 3.4.0 with the security plugin 3.4.0.0, which reads the same files): config/opensearch.yml and config/opensearch-security/*.yml from opensearch/secure/config/,
# and transport TLS certificates made now with openssl (a root CA and a node certificate whose subject is the
# nodes_dn in opensearch.yml; the key in PKCS#8, which the plugin requires). Fresh certificates per run: nothing
# secret is kept in the repository, and nothing expires under a long-lived checkout.

# make_secure_home DIR: fills DIR (which must exist).
make_secure_home() {
  local home="$1" src="$ROOT/opensearch/secure/config"
  local certs="$home/config/certs"
  mkdir -p "$certs"
  cp "$src/opensearch.yml" "$home/config/opensearch.yml"
  cp -r "$src/opensearch-security" "$home/config/opensearch-security"
  local subj="/C=US/O=Pinpoint Test/OU=Pinpoint"
  (
    cd "$certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "$subj/CN=Pinpoint Test Root CA" \
      -keyout root-ca-key.pem -out root-ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "$subj/CN=node" -keyout node-key.tmp -out node.csr 2>/dev/null
    # openssl 3 writes PKCS#8 already; converting makes it so on 1.1 as well.
    openssl pkcs8 -topk8 -nocrypt -in node-key.tmp -out node-key.pem
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n' >node.ext
    openssl x509 -req -in node.csr -CA root-ca.pem -CAkey root-ca-key.pem -CAcreateserial -days 30 \
      -extfile node.ext -out node.pem 2>/dev/null
    rm -f node-key.tmp node.csr node.ext root-ca-key.pem root-ca.srl
  )
}
