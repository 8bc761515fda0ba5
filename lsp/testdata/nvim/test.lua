-- Drives the aslkit Neovim plugin (editors/nvim) and the language server in
-- a headless Neovim (0.7.2 or later), modelled on the nvim-rig of
-- ../shared/editor-rigs. Inputs come from the environment (Neovim 0.7 has
-- no `nvim -l`):
--   ASL_PLUGIN  the editors/nvim directory     ASL_SERVER  the server binary
--   ASL_FILE    the .asl.json file to open      ASL_OUT     where to write JSON lines
-- Each step writes {"step": ..., "ok": true|false, ...}; the Go test reads them.
local plugin, server, file, outpath = os.getenv('ASL_PLUGIN'), os.getenv('ASL_SERVER'), os.getenv('ASL_FILE'), os.getenv('ASL_OUT')
local out = assert(io.open(outpath, 'w'))
local timeout = tonumber(os.getenv('ASL_TIMEOUT_MS') or '15000')
local failed = false

local has11 = vim.fn.has('nvim-0.11') == 1
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function emit(tbl)
  out:write(vim.fn.json_encode(tbl), '\n')
  out:flush()
  if tbl.ok == false then failed = true end
end

local function finish()
  for _, c in ipairs(get_clients()) do
    if has11 then c:stop() else c.stop() end
  end
  vim.wait(3000, function() return #get_clients() == 0 end, 20)
  out:close()
  if failed then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function step(name, cond, details)
  local ok = vim.wait(timeout, cond, 10)
  local ev = details and details() or {}
  ev.step, ev.ok = name, ok and true or false
  emit(ev)
  if not ok then finish() end
  return ok
end

vim.opt.rtp:append(plugin)
local asl = require('asl')
asl.setup({ cmd = { server } })
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
emit({ step = 'opened', ok = vim.bo[bufnr].filetype == 'asl', filetype = vim.bo[bufnr].filetype,
  nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch) })

local function client()
  return get_clients()[1]
end
local function attached()
  local c = client()
  if not c then return false end
  return c.server_capabilities ~= nil and vim.lsp.buf_is_attached(bufnr, c.id)
end
step('attached', attached,
  function() return { server = client() and client().server_capabilities and 'up' } end)

local function diags() return vim.diagnostic.get(bufnr) end
local function diag_list()
  local l = {}
  for _, d in ipairs(diags()) do table.insert(l, { line = d.lnum, col = d.col, message = d.message, source = d.source,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) }) end
  return l
end

step('diagnostics appear', function() return #diags() > 0 end, function() return { diagnostics = diag_list() } end)

-- Fix the typo through the buffer (a real didChange): "Dnoe" -> "Done".
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
for i, l in ipairs(lines) do
  local s = l:find('Dnoe', 1, true)
  if s then vim.api.nvim_buf_set_text(bufnr, i - 1, s - 1, i - 1, s + 3, { 'Done' }) end
end
step('diagnostics clear after the fix', function() return #diags() == 0 end, function() return { diagnostics = diag_list() } end)

local function request(method, params)
  local res, err
  local done = false
  vim.lsp.buf_request(bufnr, method, params, function(e, r) err, res, done = e, r, true end)
  vim.wait(timeout, function() return done end, 10)
  return res, err, done
end

local uri = vim.uri_from_bufnr(bufnr)
local syms, err = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
local names = {}
for _, s in ipairs(syms or {}) do table.insert(names, s.name .. ':' .. tostring(s.detail)) end
emit({ step = 'document symbols', ok = err == nil and table.concat(names, ',') == 'Greet:Pass,Done:Succeed', symbols = names, error = err })

-- Definition from the Next value to the Done state (0-based line 7).
local def_line
for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local s = l:find('"Next": "Done"', 1, true)
  if s then
    -- The line holds non-ASCII text: convert the byte index to the
    -- negotiated encoding (utf-8 from 0.10 on, utf-16 before).
    local byteidx = s + 9
    local char = byteidx
    if client().offset_encoding ~= 'utf-8' then
      local _, u16 = vim.str_utfindex(l, byteidx)
      char = u16
    end
    local res = request('textDocument/definition', { textDocument = { uri = uri }, position = { line = i - 1, character = char } })
    if res and res[1] then def_line = res[1].range.start.line end
  end
end
emit({ step = 'definition', ok = def_line == 9, line = def_line, encoding = client().offset_encoding })

-- Completion and hover answer when the server offers them.
local caps = client().server_capabilities or client().resolved_capabilities or {}
if caps.completionProvider then
  local res, cerr = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 5, character = 15 } })
  local items = res and (res.items or res) or {}
  emit({ step = 'completion', ok = cerr == nil and #items > 0, count = #items })
else
  emit({ step = 'completion', skipped = 'server has no completionProvider' })
end
if caps.hoverProvider then
  local res, herr = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 5, character = 9 } })
  emit({ step = 'hover', ok = herr == nil and res ~= nil and res.contents ~= nil })
else
  emit({ step = 'hover', skipped = 'server has no hoverProvider' })
end

-- :ASLSimulate streams events into the quickfix list and ends with asl/simulationDone.
asl.last_done = nil
asl.events_seen = 0
vim.cmd('ASLSimulate')
step('simulation done', function() return asl.last_done ~= nil end, function()
  local d = asl.last_done or {}
  return { status = d.status, output = d.output, events = asl.events_seen, quickfix = #vim.fn.getqflist() }
end)
local d = asl.last_done
emit({ step = 'simulation result', ok = d.status == 'SUCCEEDED' and d.output and d.output.greeting == 'hello Neovim'
  and asl.events_seen == d.events and #vim.fn.getqflist() > 0, status = d.status, events = asl.events_seen })

finish()
