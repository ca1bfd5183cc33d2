using System.Buffers;

namespace Safeguard.Interchange.Ssda903;

/// <summary>
/// RFC 4180 rows read one at a time from a text reader, with the line each starts on. The reader is read in blocks
/// and a row's fields are kept in one buffer of the row's characters (quotes undone), so reading a row makes no
/// string: the caller takes each field as a span and makes a string only of what it keeps. A quote opens a quoted
/// stretch wherever it stands in a field; two quotes inside one stand for a quote; a line break inside quotes is
/// part of the field (and counts as a line); a row ends at LF, CR or CRLF.
/// </summary>
internal sealed class Ssda903CsvRows(TextReader reader)
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly char[] _buffer = new char[1 << 16];
    private int _position;
    private int _length;
    private char[] _row = new char[1024];
    private int _rowLength;
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private int _line = 1;
    private bool _done;

    /// <summary>The number of fields of the current row.</summary>
    public int Count { get; private set; }

    /// <summary>A field of the current row, as written (quotes undone, not trimmed).</summary>
    public ReadOnlySpan<char> Field(int index) => _row.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Reads the next row; false at the end of the text. <paramref name="line"/> is the line the row starts on.</summary>
    public bool Next(out int line)
    {
        Count = 0;
        _rowLength = 0;
        line = _line;
        if (_done)
        {
            return false;
        }

        var fieldStart = 0;
        var inQuotes = false;
        var any = false;
        while (true)
        {
            if (!inQuotes && _position < _length)
            {
                // The plain characters up to the next comma, quote or line break, in one copy.
                var plain = _buffer.AsSpan(_position, _length - _position);
                var stop = plain.IndexOfAny(Special);
                var take = stop < 0 ? plain.Length : stop;
                if (take > 0)
                {
                    Append(plain[..take]);
                    _position += take;
                    any = true;
                    continue;
                }
            }

            var c = Read();
            if (c < 0)
            {
                _done = true;
                if (any || _rowLength > fieldStart)
                {
                    EndField(ref fieldStart);
                    return true;
                }

                return false;
            }

            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Read();
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append((char)c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                EndField(ref fieldStart);
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    Read();
                }

                _line++;
                EndField(ref fieldStart);
                return true;
            }
            else
            {
                Append((char)c);
            }
        }
    }

    private int Read()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _position = 0;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        if (_length <= 0)
        {
            _length = 0;
            return false;
        }

        return true;
    }

    private void Append(char c)
    {
        if (_rowLength == _row.Length)
        {
            Array.Resize(ref _row, _row.Length * 2);
        }

        _row[_rowLength++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_rowLength + text.Length > _row.Length)
        {
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _rowLength + text.Length));
        }

        text.CopyTo(_row.AsSpan(_rowLength));
        _rowLength += text.Length;
    }

    private void EndField(ref int fieldStart)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[Count] = fieldStart;
        _lengths[Count] = _rowLength - fieldStart;
        Count++;
        fieldStart = _rowLength;
    }
}
