// Documents: a consulted unit quotes the passage it comments on by selecting it in the text.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.querySelector('[data-quote-source]');
  if (!source) {
    return;
  }
  document.querySelectorAll('[data-quote-into]').forEach(function (button) {
    // mousedown, not click: the selection must still be there when it is read.
    button.addEventListener('mousedown', function (event) {
      event.preventDefault();
      var selection = window.getSelection();
      var text = selection ? selection.toString().trim() : '';
      if (text && source.contains(selection.anchorNode)) {
        document.getElementById(button.getAttribute('data-quote-into')).value = text;
      }
    });
  });
});
