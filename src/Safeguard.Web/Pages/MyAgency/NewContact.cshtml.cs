using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.FrontDoor;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// A partner practitioner makes a contact for their own agency, describing each child. A child already known
/// by NHS number or UPN is linked; a child like a record the partner may not see is left for the front door.
/// </summary>
[RequirePermission("contacts.submit")]
public sealed class NewContactModel(ContactService contacts, TimeProvider time) : SafeguardPageModel
{
    public const int ChildRows = 3;

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [BindProperty]
    public List<ChildInput> Children { get; set; } = [];

    public string? ReceivedError { get; private set; }

    public Dictionary<int, string> BornErrors { get; } = [];

    public void OnGet()
    {
        var now = Calendar.UkTime.ToUkLocal(time.GetUtcNow());
        Input.ReceivedDay = now.Day.ToString(CultureInfo.InvariantCulture);
        Input.ReceivedMonth = now.Month.ToString(CultureInfo.InvariantCulture);
        Input.ReceivedYear = now.Year.ToString(CultureInfo.InvariantCulture);
        Input.ReceivedTime = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Pad();
        var received = FrontDoorForm.ParseInstant(Input.ReceivedDay, Input.ReceivedMonth, Input.ReceivedYear, Input.ReceivedTime, "date and time of the contact", out var receivedError);
        if (receivedError is not null)
        {
            ReceivedError = receivedError;
            ModelState.AddModelError("Input.Received", receivedError);
        }

        var rows = new List<(int Row, ContactChildInput Child)>();
        for (var i = 0; i < Children.Count; i++)
        {
            var c = Children[i];
            if (c.IsEmpty)
            {
                continue;
            }

            var born = PeopleForm.ParseDate(c.BornDay, c.BornMonth, c.BornYear, "date of birth", out var bornError);
            if (bornError is not null)
            {
                BornErrors[i] = bornError;
                ModelState.AddModelError($"Children[{i}].Born", bornError);
            }

            rows.Add((i, new ContactChildInput(null, new NewPerson
            {
                GivenNames = c.GivenNames ?? "",
                FamilyName = c.FamilyName ?? "",
                DateOfBirth = born,
                Sex = string.IsNullOrWhiteSpace(c.Sex) ? "U" : c.Sex,
                NhsNumber = c.NhsNumber,
                Upn = c.Upn,
            })));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var contact = await contacts.RecordAsync(new NewContact
            {
                ReceivedAt = received ?? default,
                ReferrerName = Input.ReferrerName ?? "",
                ReferrerRole = Input.ReferrerRole,
                ReferralSource = Input.ReferralSource ?? "",
                Concerns = Input.Concerns ?? "",
                Consent = Input.Consent ?? (ConsentPosition)(-1),
                ConsentReason = Input.ConsentReason,
                Children = [.. rows.Select(r => r.Child)],
            }, ContactChannel.Partner, Actor, cancellationToken);
            Notice = "Your contact is sent to the front door. A decision is due within 1 working day.";
            return Redirect($"/my-agency/contacts/{contact.Id}");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                var key = FrontDoorForm.FieldFor(problem.Field);
                if (problem.Field.StartsWith("Children[", StringComparison.Ordinal))
                {
                    var end = problem.Field.IndexOf(']', StringComparison.Ordinal);
                    var index = int.Parse(problem.Field[9..end], CultureInfo.InvariantCulture);
                    var row = index < rows.Count ? rows[index].Row : 0;
                    var field = problem.Field.Length > end + 2 ? problem.Field[(end + 2)..] : "GivenNames";
                    key = field == "DateOfBirth" ? $"Children[{row}].Born" : $"Children[{row}].{field}";
                    if (field == "DateOfBirth")
                    {
                        BornErrors[row] = problem.Message;
                    }
                }
                else if (key == "Input.Received")
                {
                    ReceivedError = problem.Message;
                }
                else if (key == "Children")
                {
                    key = "Children[0].GivenNames";
                }

                ModelState.AddModelError(key, problem.Message);
            }
        }

        return Page();
    }

    private void Pad()
    {
        while (Children.Count < ChildRows)
        {
            Children.Add(new ChildInput());
        }
    }
}
