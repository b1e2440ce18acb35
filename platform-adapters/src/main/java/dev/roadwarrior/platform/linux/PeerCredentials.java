package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.LibC;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is on the other end of a Unix-domain socket, as the kernel recorded it when the peer
 * called {@code connect()}: {@code SO_PEERCRED} (process, effective user and group) and
 * {@code SO_PEERGROUPS} (supplementary groups). These are the credentials the kernel also
 * checked against the socket file's mode, so a user added to a group counts once they have
 * logged in again, as for any file permission.
 *
 * @param pid the peer's process id at connect time
 * @param uid the peer's effective user id
 * @param gid the peer's effective group id (usually its primary group)
 * @param groups the peer's supplementary group ids
 */
public record PeerCredentials(int pid, int uid, int gid, List<Integer> groups) {

    private static final int UCRED_SIZE = 12;
    private static final int INITIAL_GROUPS = 64;

    public PeerCredentials {
        groups = List.copyOf(groups);
    }

    /** Whether the peer is root or has {@code groupId} as its effective or a supplementary group. */
    public boolean isRootOrInGroup(int groupId) {
        return uid == 0 || gid == groupId || groups.contains(groupId);
    }

    /** Reads the credentials of the peer of the connected socket {@code fd}. */
    static PeerCredentials of(int fd) throws PlatformException {
        try (Memory ucred = new Memory(UCRED_SIZE)) {
            IntByReference length = new IntByReference(UCRED_SIZE);
            LibC.INSTANCE.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERCRED, ucred, length);
            return new PeerCredentials(ucred.getInt(0), ucred.getInt(4), ucred.getInt(8), groups(fd));
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "SO_PEERCRED");
        }
    }

    /** SO_PEERGROUPS; the kernel answers ERANGE with the size it needs when the buffer is too small. */
    private static List<Integer> groups(int fd) throws PlatformException {
        int bytes = INITIAL_GROUPS * Integer.BYTES;
        while (true) {
            try (Memory buffer = new Memory(bytes)) {
                IntByReference length = new IntByReference(bytes);
                try {
                    LibC.INSTANCE.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PEERGROUPS, buffer, length);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == LibC.ERANGE && length.getValue() > bytes) {
                        bytes = length.getValue();
                        continue;
                    }
                    throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "SO_PEERGROUPS");
                }
                List<Integer> groups = new ArrayList<>();
                for (int offset = 0; offset + Integer.BYTES <= length.getValue(); offset += Integer.BYTES) {
                    groups.add(buffer.getInt(offset));
                }
                return groups;
            }
        }
    }
}
