// Allocation: the worker list follows the team chosen. Without this script the "Show the team's workers"
// button redraws the page with the chosen team's workers; with it, the list is fetched for the team
// (the same page, ?team=) and the button is not needed.
(function () {
  'use strict';
  var team = document.getElementById('Input-TeamId');
  var holder = document.querySelector('[data-app-workers]');
  var status = document.querySelector('[data-app-workers-status]');
  var button = document.querySelector('.app-show-workers');
  if (!team || !holder || !window.fetch || !window.DOMParser) {
    return;
  }

  if (button) {
    button.classList.add('govuk-!-display-none');
  }

  team.addEventListener('change', function () {
    if (!team.value) {
      var select = holder.querySelector('select');
      if (select) {
        select.innerHTML = '<option value="">Choose the team first</option>';
      }
      return;
    }

    var url = window.location.pathname + '?team=' + encodeURIComponent(team.value);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.querySelector('[data-app-workers]');
        if (fresh) {
          holder.innerHTML = fresh.innerHTML;
          var count = holder.querySelectorAll('option').length - 1;
          if (status) {
            status.textContent = team.value
              ? 'The worker list shows ' + count + ' worker' + (count === 1 ? '' : 's') + ' of the team chosen.'
              : 'Choose the team first.';
          }
        }
      })
      .catch(function () {
        if (button) {
          button.classList.remove('govuk-!-display-none');
        }
      });
  });
})();
