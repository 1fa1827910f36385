package com.consultchat.privacy.boundary;

import com.consultchat.account.boundary.AccountDetails;
import com.consultchat.attachment.boundary.FileGrant;
import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.room.boundary.RoomPost;
import java.time.Instant;
import java.util.List;

/**
 * Everything ConsultChat holds about one person, ready to be written out: their account, their
 * consultations, their own room posts, leave to read the files they sent (the bytes are streamed,
 * never held here) and who looked at their record.
 */
public record DataExport(
    Instant exportedAt,
    AccountDetails account,
    List<Transcript> consultations,
    List<RoomPost> roomPosts,
    List<FileGrant> files,
    List<AccessEntry> accessTrail) {}
