// Find: the core search at buffer boundaries, and the find bar for each kind (hex, text,
// integer, float; both byte orders) on a real segment, with next/previous and wrap-around, and
// where a match is shown: selected, the cursor on its first byte, its row away from the edges.

#include "core/bytesearch.h"
#include "support/testsegment.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/datainspector.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"

#include <QTest>

#include <cstring>
#include <memory>

using valuecodec::Endian;

Q_DECLARE_METATYPE(FindBar::Kind)
Q_DECLARE_METATYPE(Endian)
Q_DECLARE_METATYPE(std::optional<quint64>)

namespace {

// A real segment of `size` bytes of `fill` with `planted` bytes at each given offset, shown
// read-only in a hex view (live refresh paused). Check isValid().
struct PlantedSegment
{
    PlantedSegment(quint64 size, char fill, const QList<QPair<quint64, QByteArray>> &planted)
        : segment(size)
    {
        auto rw = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        if (!rw)
            return;
        std::memset(rw->writableData(), fill, size);
        for (const auto &[at, bytes] : planted)
            std::memcpy(rw->writableData() + at, bytes.constData(), std::size_t(bytes.size()));
        auto ro = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        if (!ro)
            return;
        source = std::make_unique<AttachmentByteSource>(std::move(ro.value()));
        view.setSource(source.get());
        view.setLivePaused(true);
    }
    ~PlantedSegment() { view.setSource(nullptr); }
    bool isValid() const { return source != nullptr; }

    shmtest::TestSegment segment;
    std::unique_ptr<AttachmentByteSource> source;
    HexView view;
};

} // namespace

class TestFind : public QObject
{
    Q_OBJECT
private slots:
    void coreSearch_data();
    void coreSearch();
    void needle_data();
    void needle();
    void findBarKinds_data();
    void findBarKinds();
    void nextPreviousWrap();
    void matchFarDownIsShownAwayFromTheEdges();
};

void TestFind::coreSearch_data()
{
    QTest::addColumn<QByteArray>("haystack");
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<quint64>("from");
    QTest::addColumn<std::optional<quint64>>("forward");
    QTest::addColumn<std::optional<quint64>>("backward"); // searching before haystack.size()
    const QByteArray h("abcXYZabcXY", 11);
    QTest::newRow("at the start") << h << QByteArray("abc") << quint64(0) << std::optional<quint64>(0) << std::optional<quint64>(6);
    QTest::newRow("from after the first match") << h << QByteArray("abc") << quint64(1) << std::optional<quint64>(6) << std::optional<quint64>(6);
    QTest::newRow("ending at the last byte") << h << QByteArray("cXY") << quint64(3) << std::optional<quint64>(8) << std::optional<quint64>(8);
    QTest::newRow("crossing the end is no match") << h << QByteArray("XYZ") << quint64(4) << std::optional<quint64>() << std::optional<quint64>(3);
    QTest::newRow("absent") << h << QByteArray("qq") << quint64(0) << std::optional<quint64>() << std::optional<quint64>();
    QTest::newRow("needle is the whole buffer") << h << h << quint64(0) << std::optional<quint64>(0) << std::optional<quint64>(0);
    QTest::newRow("needle longer than the buffer") << h << h + "!" << quint64(0) << std::optional<quint64>() << std::optional<quint64>();
    QTest::newRow("from past the end") << h << QByteArray("a") << quint64(99) << std::optional<quint64>() << std::optional<quint64>(6);
    QTest::newRow("empty needle") << h << QByteArray() << quint64(0) << std::optional<quint64>() << std::optional<quint64>();
    const QByteArray dense = QByteArray(100000, 'a') + "aab" + QByteArray(50000, 'a');
    QTest::newRow("dense false candidates: handed over to memmem") << dense << QByteArray("aab") << quint64(0) << std::optional<quint64>(100000) << std::optional<quint64>(100000);
    const QByteArray rare = QByteArray(70000, 'q') + "q\x01q" + QByteArray(10, 'q');
    QTest::newRow("scan for the needle's rarest byte") << rare << QByteArray("q\x01q") << quint64(5) << std::optional<quint64>(70000) << std::optional<quint64>(70000);
    QTest::newRow("zero bytes among zeros") << QByteArray(9, '\0') << QByteArray(2, '\0') << quint64(3) << std::optional<quint64>(3) << std::optional<quint64>(7);
}

void TestFind::coreSearch()
{
    QFETCH(QByteArray, haystack);
    QFETCH(QByteArray, needle);
    QFETCH(quint64, from);
    QFETCH(std::optional<quint64>, forward);
    QFETCH(std::optional<quint64>, backward);
    const auto *h = reinterpret_cast<const std::byte *>(haystack.constData());
    const auto *n = reinterpret_cast<const std::byte *>(needle.constData());
    QCOMPARE(shm::findForward(h, quint64(haystack.size()), n, std::size_t(needle.size()), from), forward);
    QCOMPARE(shm::findBackward(h, quint64(haystack.size()), n, std::size_t(needle.size()),
                               quint64(haystack.size())),
             backward);
    // Backward never returns a match starting at or after `before`.
    if (backward) {
        QCOMPARE(shm::findBackward(h, quint64(haystack.size()), n, std::size_t(needle.size()), *backward + 1),
                 backward);
        const auto earlier = shm::findBackward(h, quint64(haystack.size()), n,
                                               std::size_t(needle.size()), *backward);
        QVERIFY(!earlier || *earlier < *backward);
    }
}

void TestFind::needle_data()
{
    QTest::addColumn<FindBar::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QByteArray>("expected"); // empty: an error
    QTest::newRow("hex bytes") << FindBar::Kind::HexBytes << "de ad be ef" << 0 << Endian::Little << QByteArray("\xde\xad\xbe\xef");
    QTest::newRow("hex bytes, odd digit count") << FindBar::Kind::HexBytes << "abc" << 0 << Endian::Little << QByteArray();
    QTest::newRow("text is UTF-8") << FindBar::Kind::Text << QString::fromUtf8("caf\xc3\xa9") << 0 << Endian::Little << QByteArray("caf\xc3\xa9");
    QTest::newRow("integer 16-bit LE") << FindBar::Kind::Integer << "0x1234" << 2 << Endian::Little << QByteArray("\x34\x12");
    QTest::newRow("integer 16-bit BE") << FindBar::Kind::Integer << "4660" << 2 << Endian::Big << QByteArray("\x12\x34");
    QTest::newRow("integer 8-bit negative") << FindBar::Kind::Integer << "-128" << 1 << Endian::Little << QByteArray("\x80");
    QTest::newRow("integer 8-bit unsigned 255") << FindBar::Kind::Integer << "255" << 1 << Endian::Big << QByteArray("\xff");
    QTest::newRow("integer 8-bit 256 too large") << FindBar::Kind::Integer << "256" << 1 << Endian::Big << QByteArray();
    QTest::newRow("integer 32-bit -1") << FindBar::Kind::Integer << "-1" << 4 << Endian::Big << QByteArray(4, '\xff');
    QTest::newRow("integer 64-bit BE") << FindBar::Kind::Integer << "1" << 8 << Endian::Big << QByteArray("\0\0\0\0\0\0\0\x01", 8);
    QTest::newRow("float 32-bit BE") << FindBar::Kind::Float << "1.5" << 4 << Endian::Big << QByteArray("\x3f\xc0\x00\x00", 4);
    QTest::newRow("float 64-bit LE") << FindBar::Kind::Float << "-2" << 8 << Endian::Little << QByteArray("\0\0\0\0\0\0\0\xc0", 8);
    QTest::newRow("float 32-bit beyond its range") << FindBar::Kind::Float << "3.5e38" << 4 << Endian::Little << QByteArray();
    QTest::newRow("float 32-bit largest") << FindBar::Kind::Float << "3.4028235e38" << 4 << Endian::Big << QByteArray("\x7f\x7f\xff\xff", 4);
    QTest::newRow("float with bad width") << FindBar::Kind::Float << "1" << 2 << Endian::Little << QByteArray();
}

void TestFind::needle()
{
    QFETCH(FindBar::Kind, kind);
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(Endian, endian);
    QFETCH(QByteArray, expected);
    const auto result = FindBar::needle(kind, text, width, endian);
    QCOMPARE(result.ok(), !expected.isEmpty());
    if (result.ok())
        QCOMPARE(*result, expected);
    else
        QVERIFY(!result.error().english().empty());
}

void TestFind::findBarKinds_data()
{
    QTest::addColumn<FindBar::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QByteArray>("planted");
    QTest::addColumn<quint64>("at");
    QTest::newRow("hex at offset 0") << FindBar::Kind::HexBytes << "ca fe" << 0 << Endian::Little << QByteArray("\xca\xfe") << quint64(0);
    QTest::newRow("text ending at the last byte") << FindBar::Kind::Text << "tail" << 0 << Endian::Little << QByteArray("tail") << quint64(4096 - 4);
    QTest::newRow("int16 big endian mid-segment") << FindBar::Kind::Integer << "4660" << 2 << Endian::Big << QByteArray("\x12\x34") << quint64(2000);
    QTest::newRow("int32 little endian") << FindBar::Kind::Integer << "305419896" << 4 << Endian::Little << QByteArray("\x78\x56\x34\x12") << quint64(777);
    QTest::newRow("float64 little endian at the end") << FindBar::Kind::Float << "3.25" << 8 << Endian::Little << QByteArray("\0\0\0\0\0\0\x0a\x40", 8) << quint64(4096 - 8);
}

void TestFind::findBarKinds()
{
    QFETCH(FindBar::Kind, kind);
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(Endian, endian);
    QFETCH(QByteArray, planted);
    QFETCH(quint64, at);
    PlantedSegment segment(4096, 0x20, {{at, planted}});
    QVERIFY(segment.isValid());
    HexView &view = segment.view;
    FindBar bar;
    bar.setHexView(&view);
    bar.setQuery(kind, text, width, endian);
    QVERIFY2(bar.findNext(), qPrintable(bar.statusText()));
    QCOMPARE(view.selectionStart(), at);
    QCOMPARE(view.selectionLength(), quint64(planted.size()));
    // The only match: next wraps around to it again.
    QVERIFY(bar.findNext());
    QCOMPARE(view.selectionStart(), at);
    QVERIFY(bar.statusText().contains(QLatin1String("wrapped")));
    QVERIFY(bar.findPrevious());
    QCOMPARE(view.selectionStart(), at);
}

void TestFind::nextPreviousWrap()
{
    BufferByteSource source(64);
    HexView view;
    view.setSource(&source);
    view.setLivePaused(true);
    auto *bytes = const_cast<std::byte *>(source.constData());
    for (quint64 at : {3, 20, 60})
        std::memcpy(bytes + at, "ab", 2);
    FindBar bar;
    bar.setHexView(&view);
    bar.setQuery(FindBar::Kind::Text, QStringLiteral("ab"));
    QList<quint64> seen;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(bar.findNext());
        seen << view.selectionStart();
    }
    QCOMPARE(seen, (QList<quint64>{3, 20, 60, 3}));
    seen.clear();
    for (int i = 0; i < 3; ++i) {
        QVERIFY(bar.findPrevious());
        seen << view.selectionStart();
    }
    QCOMPARE(seen, (QList<quint64>{60, 20, 3}));
    bar.setQuery(FindBar::Kind::Text, QStringLiteral("zz"));
    QVERIFY(!bar.findNext());
    QCOMPARE(bar.statusText(), QStringLiteral("Not found."));
    view.setSource(nullptr);
}

void TestFind::matchFarDownIsShownAwayFromTheEdges()
{
    constexpr quint64 Size = 1 << 20;
    constexpr quint64 At = 700005;
    constexpr quint64 Near = At + 3 * 16 + 2; // three rows further down
    const QByteArray value("\x78\x56\x34\x12", 4);
    PlantedSegment planted(Size, 0, {{At, value}, {Near, value}});
    QVERIFY(planted.isValid());
    HexView &view = planted.view;
    view.resize(700, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    DataInspector inspector;
    inspector.setHexView(&view);
    FindBar bar;
    bar.setHexView(&view);
    bar.setQuery(FindBar::Kind::HexBytes, QStringLiteral("78 56 34 12"));
    QVERIFY2(bar.findNext(), qPrintable(bar.statusText()));

    // Selected, the cursor on the first byte: the inspector reads the match.
    QCOMPARE(view.cursorOffset(), At);
    QCOMPARE(view.selectionStart(), At);
    QCOMPARE(view.selectionLength(), quint64(4));
    QCOMPARE(inspector.valueText(valuecodec::ValueType::UInt32, Endian::Little),
             QStringLiteral("305419896"));
    // Its row is in view, neither the top nor the bottom row: about a third of the way down.
    const HexLayout &layout = view.hexLayout();
    const quint64 page = layout.pageRows(view.viewport()->height());
    QVERIFY(page >= 6);
    const quint64 row = layout.rowOf(At);
    const quint64 top = view.topRow();
    QVERIFY2(row >= top + 2 && row + 2 < top + page,
             qPrintable(QStringLiteral("row %1, top %2, page %3").arg(row).arg(top).arg(page)));
    QVERIFY(row - top <= page / 2);

    // The next match is already well in view: the view does not jump.
    QVERIFY(bar.findNext());
    QCOMPARE(view.cursorOffset(), Near);
    QCOMPARE(view.topRow(), top);
    QCOMPARE(inspector.valueText(valuecodec::ValueType::UInt32, Endian::Little),
             QStringLiteral("305419896"));
    // Previous: back to the first, same place.
    QVERIFY(bar.findPrevious());
    QCOMPARE(view.cursorOffset(), At);
    QCOMPARE(view.selectionStart(), At);
    inspector.setHexView(nullptr);
}

QTEST_MAIN(TestFind)
#include "tst_find.moc"
