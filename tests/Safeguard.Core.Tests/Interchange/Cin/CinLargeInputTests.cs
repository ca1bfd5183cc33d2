using System.Text;
using Safeguard.Interchange.Cin;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>Very large and hostile files: read as a stream, with memory that does not grow with the file.</summary>
public sealed class CinLargeInputTests
{
    /// <summary>
    /// A census made up as it is read: a valid start, <paramref name="fillerBytes"/> bytes of one character inside
    /// the first child's id, then the rest of that child and a second one. Nothing is held: a 2 GB file costs no disk.
    /// </summary>
    private sealed class GeneratedCensus(long fillerBytes) : Stream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>" +
            "<ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n<Child><ChildIdentifiers><LAchildID>");

        private readonly byte[] _tail = Encoding.UTF8.GetBytes(
            "</LAchildID><Sex>F</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>" +
            "<CINdetails><CINreferralDate>2024-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails></Child>\n" +
            "<Child><ChildIdentifiers><LAchildID>SECOND</LAchildID><Sex>M</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>" +
            "<CINdetails><CINreferralDate>2024-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails></Child>\n" +
            "</Children></Message>\n");

        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _head.Length + fillerBytes + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                if (_position < _head.Length)
                {
                    buffer[offset + written] = _head[_position];
                }
                else if (_position < _head.Length + fillerBytes)
                {
                    var run = (int)Math.Min(count - written, _head.Length + fillerBytes - _position);
                    buffer.AsSpan(offset + written, run).Fill((byte)'X');
                    written += run;
                    _position += run;
                    continue;
                }
                else
                {
                    buffer[offset + written] = _tail[_position - _head.Length - fillerBytes];
                }

                written++;
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_2_GB_file_with_a_2_GB_value_is_read_to_the_end_holding_only_the_start_of_the_value()
    {
        const long twoGigabytes = 2L * 1024 * 1024 * 1024;
        using var stream = new GeneratedCensus(twoGigabytes);
        var issues = new List<CinIssue>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        using var reader = new CinCensusReader(stream, "huge.xml", new CinReaderOptions(), issues.Add);
        var children = reader.ReadChildren().ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(2, children.Count);
        Assert.Equal(CinCensusReader.MaxValueLength, children[0].LaChildId!.Length);
        Assert.Equal("SECOND", children[1].LaChildId);
        var issue = Assert.Single(issues, i => i.Fields.Contains("Message/Children/Child/ChildIdentifiers/LAchildID"));
        Assert.Contains($"is {twoGigabytes:N0} characters long", issue.Message, StringComparison.Ordinal);
        Assert.Equal(4, issue.Line);
        // Holding the value would take 4 GB (two bytes a character); reading it in chunks takes almost nothing.
        Assert.True(allocated < 64L * 1024 * 1024, $"Reading allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void A_value_just_within_the_limit_is_read_whole_without_an_issue()
    {
        using var stream = new GeneratedCensus(CinCensusReader.MaxValueLength);
        var issues = new List<CinIssue>();

        using var reader = new CinCensusReader(stream, "long.xml", new CinReaderOptions(), issues.Add);
        var children = reader.ReadChildren().ToList();

        Assert.Equal(new string('X', CinCensusReader.MaxValueLength), children[0].LaChildId);
        Assert.DoesNotContain(issues, i => i.Message.Contains("characters long", StringComparison.Ordinal));
    }
}
