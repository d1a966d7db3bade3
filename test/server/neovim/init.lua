-- Headless Neovim 0.7 as a third-party LSP client: attach the overclaim server to a draft,
-- record the diagnostics it shows, make an edit, record them again, ask for a hover and code
-- actions, and write everything as JSON for the test to check.
local out = os.getenv('OVERCLAIM_OUT')
local server = os.getenv('OVERCLAIM_SERVER')
local draft = os.getenv('OVERCLAIM_DRAFT')
local report = { events = {} }

local published = 0
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published = published + 1
  table.insert(report.events, { version = result.version, count = #result.diagnostics })
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(report) }, out)
  vim.cmd('qa!')
end

local function snapshot(bufnr)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(items, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message, code = lsp.code,
    })
  end
  table.sort(items, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return items
end

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'overclaim',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
})
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(20000, function() return published > 0 end, 20) then
  report.error = 'no diagnostics after opening'
  return finish()
end
report.opened = snapshot(bufnr)

local before = published
vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, { 'A new first line.', '' })
if not vim.wait(20000, function() return published > before end, 20) then
  report.error = 'no diagnostics after the edit'
  return finish()
end
report.edited = snapshot(bufnr)

local uri = vim.uri_from_bufnr(bufnr)
local cure
for _, d in ipairs(report.edited) do
  if d.code == 'cure-claim' then cure = d end
end
if cure then
  local line = vim.api.nvim_buf_get_lines(bufnr, cure.lnum, cure.lnum + 1, false)[1]
  local character = vim.str_utfindex(line, cure.col + 1)
  local position = { line = cure.lnum, character = character }
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = position,
  }, 10000) or {}
  for _, r in pairs(hovers) do
    if r.result then report.hover = r.result.contents.value end
  end
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, cure.lnum)
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = position, ['end'] = position },
    context = { diagnostics = lsp_diagnostics, only = { 'quickfix' } },
  }, 10000) or {}
  report.actions = {}
  for _, r in pairs(actions) do
    for _, a in ipairs(r.result or {}) do
      table.insert(report.actions, a.title)
      if a.title:find('^Replace') and not report.applied then
        vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
        report.applied = a.title
      end
    end
  end
  if report.applied then
    local count = published
    vim.wait(20000, function() return published > count end, 20)
    report.fixed_text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
    report.fixed = snapshot(bufnr)
  end
end

vim.lsp.stop_client(client_id)
finish()
