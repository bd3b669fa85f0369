// Consultant pages: copy buttons. A file, not inline: the Content-Security-Policy allows no inline script.
document.querySelectorAll('button.copy').forEach(function (b) {
  b.addEventListener('click', function () {
    navigator.clipboard.writeText(b.dataset.copy).then(function () { b.textContent = 'Copied'; },
      function () { b.textContent = 'Select and copy the link'; });
  });
});
