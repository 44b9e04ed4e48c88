#include "lessonsegment.h"

#include "segmentcontrol.h"

namespace shm {

Error lessonStepRefused(const char *call, Text why)
{
    return inputError(call, {}, std::move(why), ErrorKind::InvalidState);
}

Result<int> createLessonSegment(int currentShmid, std::size_t size)
{
    if (currentShmid >= 0)
        return lessonStepRefused("shmget", Text(QT_TRANSLATE_NOOP("shm", "The demo already made its segment.")));
    CreateRequest request;
    request.key = KeySpec::privateKey();
    request.size = size;
    request.mode = 0600;
    return createSegment(request);
}

Result<Attachment> attachLessonSegment(int shmid, bool attached)
{
    if (shmid < 0)
        return lessonStepRefused("shmat", Text(QT_TRANSLATE_NOOP("shm", "There is no segment yet: shmget comes first.")));
    if (attached)
        return lessonStepRefused("shmat", Text(QT_TRANSLATE_NOOP("shm", "The parent is attached already.")));
    return Attachment::attach(shmid, Access::ReadWrite);
}

} // namespace shm
