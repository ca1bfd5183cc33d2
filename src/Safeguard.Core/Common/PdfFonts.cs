using PdfSharp.Fonts;

namespace Safeguard.Common;

/// <summary>
/// PDFsharp's font resolver, one for the process and every PDF Safeguard writes (the annual report, the improvement
/// plan's progress report): PDFsharp finds no system fonts on Linux and allows one resolver, so the reports' one family
/// ("Report") is read from TrueType files on the machine: the directory in SAFEGUARD_PDF_FONT_DIR if set, otherwise
/// Lato or DejaVu Sans from /usr/share/fonts (Debian's fonts-lato, fonts-dejavu-core; both freely licensed).
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Report";

    private static readonly Lock Gate = new();
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("Lato-Regular.ttf", "Lato-Bold.ttf"),
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ];

    private readonly Dictionary<string, byte[]> _faces;

    private PdfFonts(Dictionary<string, byte[]> faces) => _faces = faces;

    /// <summary>Installs the resolver once for the process (PDFsharp allows one).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new PdfFonts(Load());
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "Report-Bold" : "Report-Regular", false, italic);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static Dictionary<string, byte[]> Load()
    {
        var configured = Environment.GetEnvironmentVariable("SAFEGUARD_PDF_FONT_DIR");
        string[] roots = string.IsNullOrWhiteSpace(configured) ? ["/usr/share/fonts", "/usr/local/share/fonts", "C:\\Windows\\Fonts"] : [configured];
        foreach (var (regular, bold) in Candidates)
        {
            foreach (var root in roots.Where(Directory.Exists))
            {
                var r = Directory.EnumerateFiles(root, regular, SearchOption.AllDirectories).FirstOrDefault();
                var b = Directory.EnumerateFiles(root, bold, SearchOption.AllDirectories).FirstOrDefault();
                if (r is not null && b is not null)
                {
                    return new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["Report-Regular"] = File.ReadAllBytes(r), ["Report-Bold"] = File.ReadAllBytes(b) };
                }
            }
        }

        throw new InvalidOperationException(
            $"No font for the PDF: looked for Lato, DejaVu Sans or Liberation Sans (regular and bold TrueType files) under {string.Join(", ", roots)}. " +
            "Install fonts-lato or fonts-dejavu-core, or set SAFEGUARD_PDF_FONT_DIR to a directory holding one of those pairs.");
    }
}
