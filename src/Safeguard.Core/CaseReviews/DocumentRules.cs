using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>A file a user uploads: its name as given and its bytes.</summary>
public sealed record DocumentUpload(string FileName, byte[] Content, string? Description = null);

/// <summary>
/// Which documents can be held with a case: PDF, DOCX, ODT and plain text, up to the configured size. The
/// type is decided by what the bytes are (the content signature), and must agree with the extension, so a
/// renamed executable or a spreadsheet called ".pdf" is refused.
/// </summary>
public static class DocumentRules
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Text = "text/plain";

    /// <summary>Checks an upload and gives its content type; refuses it naming <paramref name="field"/>.</summary>
    public static string Check(DocumentUpload upload, CaseReviewOptions options, string field = "Document")
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(upload.FileName ?? "").Trim();
        if (name.Length == 0 || upload.Content is null || upload.Content.Length == 0)
        {
            throw new SafeguardValidationException(field, "The file is empty: choose a file with something in it");
        }

        if (name.Length > 255)
        {
            throw new SafeguardValidationException(field, "The file's name must be 255 characters or fewer");
        }

        if (upload.Content.LongLength > options.MaxDocumentBytes)
        {
            throw new SafeguardValidationException(field,
                $"'{name}' is {Megabytes(upload.Content.LongLength)}: a document must be {Megabytes(options.MaxDocumentBytes)} or smaller");
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        var expected = extension switch
        {
            ".PDF" => Pdf,
            ".DOCX" => Docx,
            ".ODT" => Odt,
            ".TXT" => Text,
            _ => null,
        };
        if (expected is null)
        {
            throw new SafeguardValidationException(field, $"'{name}' is not a PDF, Word (DOCX), OpenDocument text (ODT) or plain text (TXT) file");
        }

        var actual = Sniff(upload.Content);
        if (actual != expected)
        {
            throw new SafeguardValidationException(field,
                $"'{name}' is called {extension.ToLowerInvariant()} but its content is {(actual is null ? "not a PDF, DOCX, ODT or text file" : $"a {Describe(actual)} file")}: upload the file itself");
        }

        return actual;
    }

    public static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>What the bytes are, or null when they are none of the allowed types.</summary>
    public static string? Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return SniffZip(content);
        }

        return IsPlainText(content) ? Text : null;
    }

    private static string? SniffZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length < 100)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odt ? Odt : null;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsPlainText(byte[] content)
    {
        if (content.Contains((byte)0))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        // Control characters other than tab, line feed, carriage return and form feed mean it is not text.
        return !content.Any(b => b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C));
    }

    private static string Describe(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Docx => "Word (DOCX)",
        Odt => "OpenDocument text (ODT)",
        _ => "plain text",
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
