<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BrowserParts</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gone</source>
        <translation>
            <numerusform>%n gone</numerusform>
            <numerusform>%n gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ByteEditor</name>
    <message numerus="yes">
        <source>%L1 bytes do not fit at 0x%2:</source>
        <translation>
            <numerusform>%L1 byte does not fit at 0x%2:</numerusform>
            <numerusform>%L1 bytes do not fit at 0x%2:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %L1 bytes fit before the end of the segment; nothing was written.</source>
        <translation>
            <numerusform>only %L1 byte fits before the end of the segment; nothing was written.</numerusform>
            <numerusform>only %L1 bytes fit before the end of the segment; nothing was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fill %L1 bytes with 0x%2</source>
        <translation>
            <numerusform>Fill %L1 byte with 0x%2</numerusform>
            <numerusform>Fill %L1 bytes with 0x%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes were written before the error; they cannot be undone.</source>
        <translation>
            <numerusform>%L1 byte was written before the error; it cannot be undone.</numerusform>
            <numerusform>%L1 bytes were written before the error; they cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message numerus="yes">
        <source>%n changed range(s) in the whole segment</source>
        <translation>
            <numerusform>%n changed range in the whole segment</numerusform>
            <numerusform>%n changed ranges in the whole segment</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed range(s) in the whole object</source>
        <translation>
            <numerusform>%n changed range in the whole object</numerusform>
            <numerusform>%n changed ranges in the whole object</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateSegmentDialog</name>
    <message numerus="yes">
        <source>%1 (%L2 bytes)</source>
        <translation>
            <numerusform>%1 (%L2 byte)</numerusform>
            <numerusform>%1 (%L2 bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateSemaphoreSetDialog</name>
    <message numerus="yes">
        <source>%n values for %1 semaphores: give one value for all, or one a semaphore.</source>
        <translation>
            <numerusform>%n value for %1 semaphores: give one value for all, or one a semaphore.</numerusform>
            <numerusform>%n values for %1 semaphores: give one value for all, or one a semaphore.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileObjectBrowser</name>
    <message numerus="yes">
        <source>%n orphans</source>
        <translation>
            <numerusform>%n orphan</numerusform>
            <numerusform>%n orphans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Holders: %n processes</source>
        <translation>
            <numerusform>Holders: %n process</numerusform>
            <numerusform>Holders: %n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected %n orphans.</source>
        <translation>
            <numerusform>Selected %n orphan.</numerusform>
            <numerusform>Selected %n orphans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n POSIX objects?</source>
        <translation>
            <numerusform>Remove %n POSIX object?</numerusform>
            <numerusform>Remove %n POSIX objects?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their names go at once; %n of them are still held, and keep their memory until the last holder lets go.</source>
        <translation>
            <numerusform>Their names go at once; %n of them is still held, and keeps its memory until the last holder lets go.</numerusform>
            <numerusform>Their names go at once; %n of them are still held, and keep their memory until the last holder lets go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %2 of %n POSIX objects:</source>
        <translation>
            <numerusform>%1 failed for %2 of %n POSIX object:</numerusform>
            <numerusform>%1 failed for %2 of %n POSIX objects:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nobody holds them: their memory is freed at once.</source>
        <translation>
            <numerusform>Nobody holds it: its memory is freed at once.</numerusform>
            <numerusform>Nobody holds them: their memory is freed at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%L1 bytes could not be read (a fault): not searched.</source>
        <translation>
            <numerusform>%L1 byte could not be read (a fault): not searched.</numerusform>
            <numerusform>%L1 bytes could not be read (a fault): not searched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message numerus="yes">
        <source>Offset 0x%1 (%2) is past the end: the segment has %L3 bytes, the last offset is 0x%4.</source>
        <translation>
            <numerusform>Offset 0x%1 (%2) is past the end: the segment has %L3 byte, the last offset is 0x%4.</numerusform>
            <numerusform>Offset 0x%1 (%2) is past the end: the segment has %L3 bytes, the last offset is 0x%4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %L1 bytes</source>
        <translation>
            <numerusform>Paste %L1 byte</numerusform>
            <numerusform>Paste %L1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes of the selection cannot be read, from 0x%2: %3 Nothing was copied.</source>
        <translation>
            <numerusform>%L1 byte of the selection cannot be read, at 0x%2: %3 Nothing was copied.</numerusform>
            <numerusform>%L1 bytes of the selection cannot be read, from 0x%2: %3 Nothing was copied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 of %2 segments (SHMMNI) · %3 in use · SHMMAX %4</source>
        <translation>
            <numerusform>%1 of %2 segment (SHMMNI) · %3 in use · SHMMAX %4</numerusform>
            <numerusform>%1 of %2 segments (SHMMNI) · %3 in use · SHMMAX %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Memory of segments: %L1 bytes (%2 resident, %3 swapped) of at most %L4 pages (SHMALL)</source>
        <translation>
            <numerusform>Memory of segments: %L1 byte (%2 resident, %3 swapped) of at most %L4 pages (SHMALL)</numerusform>
            <numerusform>Memory of segments: %L1 bytes (%2 resident, %3 swapped) of at most %L4 pages (SHMALL)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Largest segment: %L1 bytes (SHMMAX)</source>
        <translation>
            <numerusform>Largest segment: %L1 byte (SHMMAX)</numerusform>
            <numerusform>Largest segment: %L1 bytes (SHMMAX)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for %2 of %n segments:</source>
        <translation>
            <numerusform>%1 failed for %2 of %n segment:</numerusform>
            <numerusform>%1 failed for %2 of %n segments:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n segments?</source>
        <translation>
            <numerusform>Remove %n segment?</numerusform>
            <numerusform>Remove %n segments?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are still attached (%1); each lives on until its last process detaches.</source>
        <translation>
            <numerusform>%n of them is still attached (%1); each lives on until its last process detaches.</numerusform>
            <numerusform>%n of them are still attached (%1); each lives on until its last process detaches.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachments in all</source>
        <translation>
            <numerusform>%n attachment in all</numerusform>
            <numerusform>%n attachments in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change mode of %n segments</source>
        <translation>
            <numerusform>Change mode of %n segment</numerusform>
            <numerusform>Change mode of %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change owner of %n segments</source>
        <translation>
            <numerusform>Change owner of %n segment</numerusform>
            <numerusform>Change owner of %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is still attached by %n processes.</source>
        <translation>
            <numerusform>It is still attached by one process.</numerusform>
            <numerusform>It is still attached by %n processes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ipc:[%1] pid %2 (%3), %n processes</source>
        <translation>
            <numerusform>ipc:[%1] pid %2 (%3), %n process</numerusform>
            <numerusform>ipc:[%1] pid %2 (%3), %n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected %n orphans: Remove (Del) asks before it removes them.</source>
        <translation>
            <numerusform>Selected %n orphan: Remove (Del) asks before it removes it.</numerusform>
            <numerusform>Selected %n orphans: Remove (Del) asks before it removes them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message numerus="yes">
        <source>%n bytes/row</source>
        <translation>
            <numerusform>%n byte/row</numerusform>
            <numerusform>%n bytes/row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shmid %1 · key %2 · %3 (%L4 bytes) · %5 · attached at 0x%6</source>
        <translation>
            <numerusform>shmid %1 · key %2 · %3 (%L4 byte) · %5 · attached at 0x%6</numerusform>
            <numerusform>shmid %1 · key %2 · %3 (%L4 bytes) · %5 · attached at 0x%6</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · selected %L1 bytes from 0x%2</source>
        <translation>
            <numerusform> · selected %L1 byte at 0x%2</numerusform>
            <numerusform> · selected %L1 bytes from 0x%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln bytes.</source>
        <translation>
            <numerusform>Copied %Ln byte.</numerusform>
            <numerusform>Copied %Ln bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fill %L1 bytes from 0x%2 with the byte (hex, e.g. 00 or ff):</source>
        <translation>
            <numerusform>Fill %L1 byte from 0x%2 with the byte (hex, e.g. 00 or ff):</numerusform>
            <numerusform>Fill %L1 bytes from 0x%2 with the byte (hex, e.g. 00 or ff):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %L1 bytes to %2.</source>
        <translation>
            <numerusform>Exported %L1 byte to %2.</numerusform>
            <numerusform>Exported %L1 bytes to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %L1 bytes from %2 at 0x%3.</source>
        <translation>
            <numerusform>Imported %L1 byte from %2 at 0x%3.</numerusform>
            <numerusform>Imported %L1 bytes from %2 at 0x%3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite %L1 bytes of shmid %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</source>
        <translation>
            <numerusform>Overwrite %L1 byte of shmid %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</numerusform>
            <numerusform>Overwrite %L1 bytes of shmid %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite up to %L1 bytes of shmid %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the segment. Other processes see the change at once.</source>
        <translation>
            <numerusform>Overwrite up to %L1 byte of shmid %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the segment. Other processes see the change at once.</numerusform>
            <numerusform>Overwrite up to %L1 bytes of shmid %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the segment. Other processes see the change at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes could not be read (a fault) and were written as zeros.</source>
        <translation>
            <numerusform>%L1 byte could not be read (a fault) and was written as zero.</numerusform>
            <numerusform>%L1 bytes could not be read (a fault) and were written as zeros.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %L1 bytes were written before; they cannot be undone.</source>
        <translation>
            <numerusform>Import cancelled: %L1 byte was written before; it cannot be undone.</numerusform>
            <numerusform>Import cancelled: %L1 bytes were written before; they cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %L1 bytes changed in the last %2 s</source>
        <translation>
            <numerusform> · %L1 byte changed in the last %2 s</numerusform>
            <numerusform> · %L1 bytes changed in the last %2 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 (%4 bytes) · %5 · mapped at 0x%6</source>
        <translation>
            <numerusform>%1 · %2 · %3 (%4 byte) · %5 · mapped at 0x%6</numerusform>
            <numerusform>%1 · %2 · %3 (%4 bytes) · %5 · mapped at 0x%6</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite %L1 bytes of %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</source>
        <translation>
            <numerusform>Overwrite %L1 byte of %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</numerusform>
            <numerusform>Overwrite %L1 bytes of %2 from offset 0x%3 with the contents of %4? Other processes see the change at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overwrite up to %L1 bytes of %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the object. Other processes see the change at once.</source>
        <translation>
            <numerusform>Overwrite up to %L1 byte of %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the object. Other processes see the change at once.</numerusform>
            <numerusform>Overwrite up to %L1 bytes of %2 from offset 0x%3 with what %4 gives? Its size is unknown: reading stops at the end of the object. Other processes see the change at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PosixTableModel</name>
    <message numerus="yes">
        <source>%n processes (%1)</source>
        <translation>
            <numerusform>%n process (%1)</numerusform>
            <numerusform>%n processes (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueBrowser</name>
    <message numerus="yes">
        <source>%n messages, %L1 of %L2 bytes (msg_qbytes)</source>
        <translation>
            <numerusform>%n message, %L1 of %L2 bytes (msg_qbytes)</numerusform>
            <numerusform>%n messages, %L1 of %L2 bytes (msg_qbytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, %L1 bytes (msg_qbytes unreadable)</source>
        <translation>
            <numerusform>%n message, %L1 bytes (msg_qbytes unreadable)</numerusform>
            <numerusform>%n messages, %L1 bytes (msg_qbytes unreadable)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %1 of %n messages, peeked (MSG_COPY): the queue is left as it was.</source>
        <translation>
            <numerusform>The first %1 of %n message, peeked (MSG_COPY): the queue is left as it was.</numerusform>
            <numerusform>The first %1 of %n messages, peeked (MSG_COPY): the queue is left as it was.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, peeked (MSG_COPY): the queue is left as it was.</source>
        <translation>
            <numerusform>%n message, peeked (MSG_COPY): the queue is left as it was.</numerusform>
            <numerusform>%n messages, peeked (MSG_COPY): the queue is left as it was.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Message %1: type %2, %n bytes</source>
        <translation>
            <numerusform>Message %1: type %2, %n byte</numerusform>
            <numerusform>Message %1: type %2, %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received from queue %1: a message of type %2 with %n bytes; it is no longer in the queue.</source>
        <translation>
            <numerusform>Received from queue %1: a message of type %2 with %n byte; it is no longer in the queue.</numerusform>
            <numerusform>Received from queue %1: a message of type %2 with %n bytes; it is no longer in the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its %n messages are lost with it.</source>
        <translation>
            <numerusform>Its %n message is lost with it.</numerusform>
            <numerusform>Its %n messages are lost with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other processes could not be looked at (reading their threads is not permitted): they may wait too.</source>
        <translation>
            <numerusform>%n other process could not be looked at (reading its threads is not permitted): it may wait too.</numerusform>
            <numerusform>%n other processes could not be looked at (reading their threads is not permitted): they may wait too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueMaxBytesDialog</name>
    <message numerus="yes">
        <source>%1 messages, %L2 bytes</source>
        <translation>
            <numerusform>%1 message, %L2 bytes</numerusform>
            <numerusform>%1 messages, %L2 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueMessagesModel</name>
    <message numerus="yes">
        <source>%L1 bytes; all of them are in the view beside the list</source>
        <translation>
            <numerusform>%L1 byte; all of it is in the view beside the list</numerusform>
            <numerusform>%L1 bytes; all of them are in the view beside the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message numerus="yes">
        <source>The queue holds at most %L1 bytes of messages (msg_qbytes)</source>
        <translation>
            <numerusform>The queue holds at most %L1 byte of messages (msg_qbytes)</numerusform>
            <numerusform>The queue holds at most %L1 bytes of messages (msg_qbytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message numerus="yes">
        <source>%n children</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n children counting.</source>
        <translation>
            <numerusform>%n child counting.</numerusform>
            <numerusform>%n children counting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiveMessageDialog</name>
    <message numerus="yes">
        <source>Now that is message %1: type %2, %n bytes, &quot;%3&quot;.</source>
        <translation>
            <numerusform>Now that is message %1: type %2, %n byte, &quot;%3&quot;.</numerusform>
            <numerusform>Now that is message %1: type %2, %n bytes, &quot;%3&quot;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message numerus="yes">
        <source>Every %n bytes</source>
        <translation>
            <numerusform>Every %n byte</numerusform>
            <numerusform>Every %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes could not be read (the page faulted) and were left out.</source>
        <translation>
            <numerusform>%L1 byte could not be read (the page faulted) and was left out.</numerusform>
            <numerusform>%L1 bytes could not be read (the page faulted) and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 matches</source>
        <translation>
            <numerusform>%L1 match</numerusform>
            <numerusform>%L1 matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentDetailsWidget</name>
    <message numerus="yes">
        <source>%1 (%L2 bytes)</source>
        <translation>
            <numerusform>%1 (%L2 byte)</numerusform>
            <numerusform>%1 (%L2 bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message numerus="yes">
        <source>%L1 bytes</source>
        <translation>
            <numerusform>%L1 byte</numerusform>
            <numerusform>%L1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes resident</source>
        <translation>
            <numerusform>%L1 byte resident</numerusform>
            <numerusform>%L1 bytes resident</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes swapped out</source>
        <translation>
            <numerusform>%L1 byte swapped out</numerusform>
            <numerusform>%L1 bytes swapped out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SemaphoreBrowser</name>
    <message numerus="yes">
        <source>%1 failed for %2 of %n semaphore sets:</source>
        <translation>
            <numerusform>%1 failed for %2 of %n semaphore set:</numerusform>
            <numerusform>%1 failed for %2 of %n semaphore sets:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n semaphore sets?</source>
        <translation>
            <numerusform>Remove %n semaphore set?</numerusform>
            <numerusform>Remove %n semaphore sets?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change mode of %n semaphore sets</source>
        <translation>
            <numerusform>Change mode of %n semaphore set</numerusform>
            <numerusform>Change mode of %n semaphore sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change owner of %n semaphore sets</source>
        <translation>
            <numerusform>Change owner of %n semaphore set</numerusform>
            <numerusform>Change owner of %n semaphore sets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SemaphoreDetailsWidget</name>
    <message numerus="yes">
        <source>Set %1 · key %2 · %n semaphores · mode %3 (%4) · owner %5, group %6 · creator %7, %8</source>
        <translation>
            <numerusform>Set %1 · key %2 · %n semaphore · mode %3 (%4) · owner %5, group %6 · creator %7, %8</numerusform>
            <numerusform>Set %1 · key %2 · %n semaphores · mode %3 (%4) · owner %5, group %6 · creator %7, %8</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes wait on this set (which ones, /proc does not tell us).</source>
        <translation>
            <numerusform>%n process waits on this set (which one, /proc does not tell us).</numerusform>
            <numerusform>%n processes wait on this set (which ones, /proc does not tell us).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SemaphoreTableModel</name>
    <message numerus="yes">
        <source>%n waiting to take</source>
        <translation>
            <numerusform>%n waiting to take</numerusform>
            <numerusform>%n waiting to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for zero</source>
        <translation>
            <numerusform>%n waiting for zero</numerusform>
            <numerusform>%n waiting for zero</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SemaphoreValuesDialog</name>
    <message numerus="yes">
        <source>The set has %n semaphores: enter one value for each.</source>
        <translation>
            <numerusform>The set has %n semaphore: enter its value.</numerusform>
            <numerusform>The set has %n semaphores: enter one value for each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendMessageDialog</name>
    <message numerus="yes">
        <source>%L1 bytes (at most %L2, MSGMAX).</source>
        <translation>
            <numerusform>%L1 byte (at most %L2, MSGMAX).</numerusform>
            <numerusform>%L1 bytes (at most %L2, MSGMAX).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 bytes.</source>
        <translation>
            <numerusform>%L1 byte.</numerusform>
            <numerusform>%L1 bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotTool</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n range</numerusform>
            <numerusform>%n ranges</numerusform>
        </translation>
    </message>
</context>
</TS>
