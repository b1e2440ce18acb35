#!/bin/sh
# Lab replacement for vpnc-script: configures only the client namespace (never /etc/resolv.conf)
# and records what vpnc received in $LAB_VPNC_DIR/<reason>.env for the test to read.
# Split networks (CISCO_SPLIT_INC_*) are routed into the tunnel; without any, the tunnel
# becomes the default route and the VPN gateway address keeps a host route via the old next hop.
set -e
dir="${LAB_VPNC_DIR:?LAB_VPNC_DIR not set}"

record() {
  env | grep -E '^(reason|TUNDEV|VPNGATEWAY|VPNPID|INTERNAL_IP4_|CISCO_)' | sort > "$dir/$reason.env.tmp"
  mv "$dir/$reason.env.tmp" "$dir/$reason.env"
}

case "$reason" in
  pre-init)
    ;;
  connect)
    ip link set dev "$TUNDEV" up mtu "${INTERNAL_IP4_MTU:-1412}"
    ip addr add "$INTERNAL_IP4_ADDRESS/32" dev "$TUNDEV"
    if [ "${CISCO_SPLIT_INC:-0}" -gt 0 ]; then
      i=0
      while [ "$i" -lt "$CISCO_SPLIT_INC" ]; do
        eval net="\$CISCO_SPLIT_INC_${i}_ADDR/\$CISCO_SPLIT_INC_${i}_MASKLEN"
        ip route replace "$net" dev "$TUNDEV" src "$INTERNAL_IP4_ADDRESS"
        i=$((i + 1))
      done
    else
      # "203.0.113.2 via 192.168.77.1 dev eth0 src ..." -> "via 192.168.77.1 dev eth0"
      path=$(ip route get "$VPNGATEWAY" | head -n 1 | sed 's/^[^ ]* //; s/ src .*//')
      ip route replace "$VPNGATEWAY/32" $path
      ip route replace default dev "$TUNDEV" src "$INTERNAL_IP4_ADDRESS"
    fi
    ;;
  disconnect)
    ip route del "$VPNGATEWAY/32" 2>/dev/null || true
    ;;
esac
record
