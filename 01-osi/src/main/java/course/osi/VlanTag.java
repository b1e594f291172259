package course.osi;

/**
 * An IEEE 802.1Q tag: after the source address, the TPID 0x8100 and then the 16-bit TCI,
 * which holds the priority (3 bits), the drop eligible indicator (1 bit) and the VLAN id (12 bits).
 */
public record VlanTag(int priority, boolean dropEligible, int vlanId) {
    public VlanTag {
        if (priority < 0 || priority > 7) {
            throw new IllegalArgumentException("the priority is 3 bits (0..7), not " + priority);
        }
        if (vlanId < 0 || vlanId > 0xfff) {
            throw new IllegalArgumentException("the VLAN id is 12 bits (0..4095), not " + vlanId);
        }
    }
}
