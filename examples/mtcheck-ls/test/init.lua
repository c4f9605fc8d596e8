-- Drives mtcheck-ls from a real Neovim for examples/mtcheck-ls's tests:
--
--   MTCHECK_LS=<server binary> MTCHECK_ROOT=<workspace> MTCHECK_OUT=<json> \
--     nvim --headless --clean -u test/init.lua <file.md>
--
-- It starts the server on the file's buffer, waits for diagnostics, applies
-- the quick fixes offered at the "missing-space" and "mt-fingerprint"
-- findings (cursor on each, as a user would), writes the file, waits for
-- the diagnostics of the fixed text, stops the server and writes what
-- happened to MTCHECK_OUT as JSON. MTCHECK_ENCODING=utf-8 makes Neovim offer
-- UTF-8 positions. Written for Neovim 0.7 (Debian
-- bookworm), where vim.lsp.start does not exist yet, and newer releases.

local server = assert(os.getenv('MTCHECK_LS'), 'MTCHECK_LS is not set')
local root = assert(os.getenv('MTCHECK_ROOT'), 'MTCHECK_ROOT is not set')
local out = assert(os.getenv('MTCHECK_OUT'), 'MTCHECK_OUT is not set')
-- MTCHECK_ENCODING=utf-8 offers UTF-8 positions (general.positionEncodings);
-- otherwise Neovim 0.7 offers nothing and the server must count UTF-16.
local encoding = os.getenv('MTCHECK_ENCODING')
local timeout = 30000

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, steps = {}, published = {} }

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local function step(msg)
  table.insert(result.steps, msg)
end

local function save_result()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

-- snapshot returns the buffer's diagnostics in a JSON-friendly form.
local function snapshot(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(snapshot(bufnr)) do
    if d.code == code then return d end
  end
  return nil
end

-- fix puts the cursor on the finding of rule code, asks the server for code
-- actions there, as vim.lsp.buf.code_action does, and applies the one for
-- that rule.
local function fix(bufnr, client, code)
  local d = has_code(bufnr, code)
  assert(d, 'no ' .. code .. ' diagnostic to fix')
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local resp, err = client.request_sync('textDocument/codeAction', params, timeout, bufnr)
  assert(resp and not resp.err, 'codeAction failed: ' .. vim.inspect(err or (resp and resp.err)))
  local titles = {}
  for _, action in ipairs(resp.result or {}) do
    table.insert(titles, action.title)
    if action.kind == 'quickfix' and action.title:find('(' .. code .. ')', 1, true) then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      step('applied "' .. action.title .. '"')
      return titles
    end
  end
  error('no quick fix for ' .. code .. ' among ' .. vim.inspect(titles))
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype == '' then
    vim.bo[bufnr].filetype = 'markdown'
  end
  result.filetype = vim.bo[bufnr].filetype
  local exited = false
  local config = {
    name = 'mtcheck',
    cmd = { server },
    root_dir = root,
    -- Neovim 0.7 does not read the server's positionEncoding itself.
    on_init = function(client, init_result)
      local enc = init_result.capabilities and init_result.capabilities.positionEncoding
      if enc then
        client.offset_encoding = enc
      end
    end,
    handlers = {
      -- Keep the published diagnostics as the server sent them (positions
      -- in the negotiated encoding) beside Neovim's byte columns.
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
        table.insert(result.published, res)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
      end,
    },
    on_exit = function(code, signal)
      result.exit_code = code
      result.exit_signal = signal
      exited = true
    end,
  }
  if encoding then
    config.capabilities = vim.lsp.protocol.make_client_capabilities()
    config.capabilities.general = { positionEncodings = { encoding, 'utf-16' } }
  end
  local t0 = now_ms()
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, 'the server did not start')
  local client = vim.lsp.get_client_by_id(client_id)

  assert(vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 5),
    'no diagnostics within ' .. timeout .. ' ms')
  result.first_diagnostics_ms = now_ms() - t0
  result.offset_encoding = client.offset_encoding
  result.diagnostics = snapshot(bufnr)
  step('got ' .. #result.diagnostics .. ' diagnostics')

  result.titles = fix(bufnr, client, 'missing-space')
  -- The edit is a didChange; the server checks again after its debounce.
  local t1 = now_ms()
  assert(vim.wait(timeout, function() return not has_code(bufnr, 'missing-space') end, 5),
    'missing-space still reported after its fix')
  result.recheck_ms = now_ms() - t1
  fix(bufnr, client, 'mt-fingerprint')
  assert(vim.wait(timeout, function() return not has_code(bufnr, 'mt-fingerprint') end, 5),
    'mt-fingerprint still reported after its fix')
  vim.cmd('write')
  step('wrote the buffer')
  result.final_diagnostics = snapshot(bufnr)

  vim.lsp.stop_client(client_id)
  assert(vim.wait(timeout, function() return exited end, 5), 'the server did not exit')
  step('server stopped')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      result.error = tostring(err)
    end
    save_result()
    vim.cmd('qall!')
  end,
})
