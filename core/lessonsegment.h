#pragma once

// What the lessons' parents share around their private segment: the refusal of a call out of
// order, and shmget/shmat as the lessons make them.

#include "attachment.h"
#include "result.h"

#include <cstddef>

namespace shm {

// A lesson's call refused because it does not fit now (InvalidState), with the reason.
Error lessonStepRefused(const char *call, Text why);

// shmget(IPC_PRIVATE, size, 0600). Refused when the lesson has a segment already
// (`currentShmid` >= 0).
Result<int> createLessonSegment(int currentShmid, std::size_t size);
// shmat(shmid, NULL, 0) read-write. Refused before shmget (shmid < 0) or when the parent is
// attached already.
Result<Attachment> attachLessonSegment(int shmid, bool attached);

} // namespace shm
