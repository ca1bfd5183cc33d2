using System.CommandLine;
using System.Globalization;
using System.Text;
using Safeguard.Common;

namespace Safeguard.Cli.Interchange;

/// <summary>How a command writes: its action's output, refused input, the process's standard output as a stream, tables.</summary>
public static class CommandOutput
{
    /// <summary>
    /// Sets an action that writes to a buffer, copied to the invocation's output only when the whole verb ran (its
    /// output is written whatever exit code it chose). A rejected input (an <see cref="ArgumentException"/> or a
    /// <see cref="SafeguardValidationException"/> from the product, whose messages are written for the user) goes to
    /// the error writer with exit code 1, and so does any other exception for which <paramref name="refusal"/> gives
    /// messages.
    /// </summary>
    public static void SetOutputAction(
        this Command command,
        Func<ParseResult, TextWriter, CancellationToken, Task<int>> action,
        Func<ParseResult, Exception, IEnumerable<string>?>? refusal = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new StringWriter(CultureInfo.InvariantCulture);
            int exitCode;
            IEnumerable<string>? messages;
            try
            {
                exitCode = await action(parseResult, output, cancellationToken);
                messages = null;
            }
            catch (ArgumentException ex)
            {
                messages = [ex.Message];
                exitCode = CommandRunner.BadInput;
            }
            catch (SafeguardValidationException ex)
            {
                messages = ex.Problems.Select(p => string.IsNullOrEmpty(p.Field) ? p.Message : $"{p.Field}: {p.Message}");
                exitCode = CommandRunner.BadInput;
            }
            catch (Exception ex) when (refusal?.Invoke(parseResult, ex) is { } refused)
            {
                messages = refused;
                exitCode = CommandRunner.BadInput;
            }

            if (messages is not null)
            {
                foreach (var message in messages)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync(message);
                }

                return exitCode;
            }

            // Written only when the whole verb ran, so a refused input prints nothing on the output.
            await parseResult.InvocationConfiguration.Output.WriteAsync(output.ToString());
            return exitCode;
        });
    }

    /// <summary>
    /// The command's output as a stream: the process's standard output itself (buffered here, as the console's
    /// writer flushes every write), or, when the output is another writer (in tests), a stream onto it.
    /// </summary>
    public static Stream StandardOutput(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16) : new TextWriterStream(writer);

    /// <summary>
    /// Writes a report as it is made, never holding it: to a temporary file beside <paramref name="target"/>, moved into
    /// place only when <paramref name="write"/> completes and deleted when it fails (so a target is either the whole
    /// report or untouched); or, with no target, straight to <paramref name="output"/> (not the verb's buffered writer,
    /// which would hold it all), where the report's own last line or closing bracket says it is complete.
    /// </summary>
    public static async Task<T> WriteReportAsync<T>(FileInfo? target, TextWriter output, Func<Stream, Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var tempPath = target is null ? null : Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Environment.ProcessId}.partial");
        try
        {
            T result;
            await using (var stream = tempPath is null ? StandardOutput(output) : new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                result = await write(stream);
            }

            if (tempPath is not null)
            {
                File.Move(tempPath, target!.FullName, overwrite: true);
            }

            return result;
        }
        catch
        {
            if (tempPath is not null && File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }

            throw;
        }
    }

    /// <summary>Writes rows as columns separated by two spaces; the last column is not padded.</summary>
    public static async Task WriteTableAsync(TextWriter output, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            await output.WriteLineAsync(string.Join("  ", cells));
        }
    }

    /// <summary>A write-only stream of UTF-8 onto a text writer.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            var written = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, written);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
